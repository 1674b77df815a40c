//! Tab-separated data files with a header line (see `data/kb/FORMAT.md`).

use crate::KbError;

/// A parsed file: its header and its rows, each with its line number.
#[derive(Debug)]
pub(crate) struct Table<'a> {
    columns: Vec<&'a str>,
    pub rows: Vec<Row<'a>>,
}

/// One line of a table.
#[derive(Debug)]
pub(crate) struct Row<'a> {
    pub line: usize,
    cells: Vec<&'a str>,
}

impl<'a> Table<'a> {
    /// Parses `src`; the first non-comment line must hold at least the `required` columns.
    pub fn parse(file: &'static str, src: &'a str, required: &[&str]) -> Result<Table<'a>, KbError> {
        let mut lines = src
            .lines()
            .enumerate()
            .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
            .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'));
        let Some((_, header)) = lines.next() else {
            return Err(KbError::Header { file, missing: required.join(", ") });
        };
        let columns: Vec<&str> = header.split('\t').map(str::trim).collect();
        let missing: Vec<&str> = required.iter().copied().filter(|c| !columns.contains(c)).collect();
        if !missing.is_empty() {
            return Err(KbError::Header { file, missing: missing.join(", ") });
        }
        let rows =
            lines.map(|(line, l)| Row { line, cells: l.split('\t').map(str::trim).collect() }).collect();
        Ok(Table { columns, rows })
    }

    /// The column's position.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| *c == name)
    }

    /// An accessor for one column (empty string when the row is short or the column absent).
    pub fn col(&self, name: &str) -> Col {
        Col(self.column(name))
    }
}

/// A column of a table.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Col(Option<usize>);

impl<'a> Row<'a> {
    /// The cell of `col`, trimmed; empty when absent.
    pub fn get(&self, col: Col) -> &'a str {
        col.0.and_then(|i| self.cells.get(i)).copied().unwrap_or("")
    }

    /// The `|`-separated items of a cell, trimmed, empty ones dropped.
    pub fn list(&self, col: Col) -> impl Iterator<Item = &'a str> {
        self.get(col).split('|').map(str::trim).filter(|s| !s.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_rows_and_lists() {
        let src = "# comment\nid\tnames\n\na\tx|y| \n# inside\nb\n";
        let t = Table::parse("t.tsv", src, &["id", "names"]).unwrap();
        let (id, names) = (t.col("id"), t.col("names"));
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].line, 4);
        assert_eq!(t.rows[0].list(names).collect::<Vec<_>>(), ["x", "y"]);
        assert_eq!(t.rows[1].get(id), "b");
        assert_eq!(t.rows[1].get(names), "");
    }

    #[test]
    fn a_missing_column_is_an_error() {
        let err = Table::parse("t.tsv", "id\tname\n", &["id", "names_ar"]).unwrap_err();
        assert!(err.to_string().contains("names_ar"), "{err}");
    }
}
