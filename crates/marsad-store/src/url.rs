//! Where a corpus database is: an SQLite file, or a PostgreSQL database named by a URL.

/// Whether `target` names a PostgreSQL database (a `postgres://` or `postgresql://` URL)
/// rather than an SQLite file.
pub fn is_postgres_url(target: &str) -> bool {
    let lower = target.get(..13).unwrap_or(target).to_ascii_lowercase();
    lower.starts_with("postgres://") || lower.starts_with("postgresql://")
}

/// Where a database is, for messages: its URL or connection string without a password
/// (`postgresql://user:secret@host/db` → `postgresql://user@host/db`; `password=...` left out
/// of a query string or of libpq's `key=value` form).
pub fn without_password(url: &str) -> String {
    let mut out = url.to_string();
    if let Some(scheme_end) = url.find("://").map(|i| i + 3) {
        let rest = &url[scheme_end..];
        let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
        if let Some(at) = rest[..authority_end].rfind('@') {
            let user = rest[..at].split(':').next().unwrap_or("");
            out = format!("{}{}{}", &url[..scheme_end], user, &rest[at..]);
        }
    }
    while let Some(i) = out.to_ascii_lowercase().find("password=") {
        let end = out[i..].find(['&', ' ']).map_or(out.len(), |e| i + e + 1);
        out.replace_range(i..end, "");
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
    }
}
