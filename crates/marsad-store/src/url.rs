//! Where a corpus database is: an SQLite file, or a PostgreSQL database named by a URL.

/// Whether `target` names a PostgreSQL database (a `postgres://` or `postgresql://` URL)
/// rather than an SQLite file.
pub fn is_postgres_url(target: &str) -> bool {
    let lower = target.get(..13).unwrap_or(target).to_ascii_lowercase();
    lower.starts_with("postgres://") || lower.starts_with("postgresql://")
}

/// Where a database is, for messages: its URL or connection string without a password
/// (`postgresql://user:secret@host/db` → `postgresql://user@host/db`, the credentials being
/// what comes before the first `@`, as the client reads them; `password=...` left out of a
/// query string or of libpq's `key=value` form, quoted or not).
pub fn without_password(url: &str) -> String {
    let mut out = url.to_string();
    if let Some(scheme_end) = url.find("://").map(|i| i + 3) {
        let rest = &url[scheme_end..];
        if let Some(at) = rest.find('@') {
            let user = rest[..at].split(':').next().unwrap_or("");
            out = format!("{}{}{}", &url[..scheme_end], user, &rest[at..]);
        }
    }
    let mut from = 0;
    while let Some(i) = out[from..].to_ascii_lowercase().find("password").map(|i| i + from) {
        // `password`, spaces, `=`, spaces, then a value: quoted, or up to `&` or a space
        let after = &out[i + "password".len()..];
        let Some(eq) = after.trim_start().strip_prefix('=') else {
            from = i + "password".len();
            continue;
        };
        let value = eq.trim_start();
        let value_at = out.len() - value.len();
        let value_len = match value.strip_prefix('\'') {
            Some(quoted) => {
                // a quoted value ends at a quote not escaped by a backslash
                let mut escaped = false;
                let mut end = quoted.len();
                for (j, c) in quoted.char_indices() {
                    match c {
                        '\\' if !escaped => escaped = true,
                        '\'' if !escaped => {
                            end = j + 1;
                            break;
                        }
                        _ => escaped = false,
                    }
                }
                1 + end
            }
            None => value.find(['&', ' ']).unwrap_or(value.len()),
        };
        let mut end = value_at + value_len;
        // the separator after it goes too
        if out[end..].starts_with(['&', ' ']) {
            end += 1;
        }
        out.replace_range(i..end, "");
        from = i;
    }
    out.trim_end_matches(['&', '?', ' ']).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_name_postgres_and_lose_their_password() {
        assert!(is_postgres_url("postgresql://u@h/db"));
        assert!(is_postgres_url("POSTGRES://h/db"));
        assert!(!is_postgres_url("marsad.db"));
        assert!(!is_postgres_url("post"));
        assert_eq!(without_password("postgresql://u:s3cret@h:5432/db"), "postgresql://u@h:5432/db");
        assert_eq!(without_password("postgresql://h/db?password=x"), "postgresql://h/db");
        assert_eq!(
            without_password("postgresql://h/db?password=x&sslmode=disable"),
            "postgresql://h/db?sslmode=disable"
        );
        assert_eq!(
            without_password("host=/run/postgresql password=x dbname=m"),
            "host=/run/postgresql dbname=m"
        );
        // what the client takes for a password: up to the first @, even with / or ? in it
        assert_eq!(without_password("postgresql://u:a/b?c@h/db"), "postgresql://u@h/db");
        // libpq's spaced and quoted values
        assert_eq!(without_password("host=h password = 'it\\'s a secret' user=u"), "host=h user=u");
        assert_eq!(without_password("host=h PASSWORD=s3cret"), "host=h");
        // the word alone is not a password
        assert_eq!(without_password("postgresql://h/passwords"), "postgresql://h/passwords");
    }
}
