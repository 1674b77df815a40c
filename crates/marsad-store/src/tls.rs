//! TLS for PostgreSQL connections, as libpq's `sslmode` asks for it (rustls, with *ring*).
//!
//! - `disable`: no TLS.
//! - `prefer` (the default) and `require`: TLS when the server offers it (`require`: or no
//!   connection), encrypted but not authenticated, as libpq does: the server's certificate
//!   is not checked (Debian's server has a self-signed one).
//! - `verify-ca`: the certificate must chain to a trusted root; `verify-full`: and name the
//!   host. The roots are those of `sslrootcert=FILE` (PEM), else the system's
//!   (`SSL_CERT_FILE`, `SSL_CERT_DIR`, the distribution's store). `require` with
//!   `sslrootcert` is `verify-ca`, as in libpq.
//!
//! The client library knows only `disable`, `prefer` and `require`: [`configure`] takes
//! `verify-*` and `sslrootcert` out of the URL and asks it for `require`, with a verifier
//! that does what they say.

use std::sync::Arc;

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, DigitallySignedStruct, RootCertStore, SignatureScheme};
use tokio_postgres_rustls::MakeRustlsConnect;

/// What a URL asks of TLS.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Check {
    /// Encrypted, the certificate not checked (`prefer`, `require`; `disable` never gets TLS).
    None,
    /// The certificate chains to a trusted root.
    Chain,
    /// And names the host.
    Full,
}

/// What [`configure`] makes of a URL.
pub(crate) struct Tls {
    /// The URL as the client library reads it.
    pub url: String,
    /// The connector to give it.
    pub connector: MakeRustlsConnect,
    /// Whether the server's certificate is checked: the library must then require TLS.
    pub verifies: bool,
}

/// The URL the client library can read, and the TLS connector to use with it.
///
/// The query string starts at the first `?` after the credentials (which end at the first
/// `@`, as the library reads them: a password may hold a `?`); keys and values are
/// percent-decoded before they are matched, as the library decodes them.
pub(crate) fn configure(url: &str) -> Result<Tls, String> {
    let credentials_end = url.find("://").map_or(0, |s| s + 3);
    let credentials_end = url[credentials_end..].find('@').map_or(credentials_end, |at| credentials_end + at);
    let (base, query) = match url[credentials_end..].find('?') {
        Some(q) => (&url[..credentials_end + q], &url[credentials_end + q + 1..]),
        None => (url, ""),
    };
    let mut kept = Vec::new();
    let (mut mode, mut root) = (None, None);
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        match pair.split_once('=').map(|(k, v)| (decode(k), v)) {
            Some((k, v)) if k == "sslmode" => mode = Some(decode(v)),
            Some((k, v)) if k == "sslrootcert" => root = Some(decode(v)),
            _ => kept.push(pair.to_string()),
        }
    }
    let check = match (mode.as_deref(), &root) {
        (Some("disable"), _) => Check::None,
        (Some("verify-full"), _) => Check::Full,
        // against the system's roots, any certificate for any name would pass (libpq refuses
        // it too)
        (Some("verify-ca"), None) => {
            return Err("sslmode=verify-ca needs sslrootcert=FILE, the roots of the server's certificates \
                 (use verify-full to check against the system's roots)"
                .into());
        }
        // a root file given: the certificate is checked whenever TLS is used, as in libpq
        (Some("verify-ca" | "prefer" | "require") | None, Some(_)) => Check::Chain,
        (Some("prefer" | "require") | None, None) => Check::None,
        (Some(other), _) => {
            return Err(format!(
                "sslmode={other}: marsad knows disable, prefer, require, verify-ca and verify-full"
            ));
        }
    };
    // the library's own modes pass through; verify-* are `require` to it
    match mode.as_deref() {
        Some("verify-ca" | "verify-full") => kept.push("sslmode=require".into()),
        Some(m) => kept.push(format!("sslmode={m}")),
        None => {}
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = rustls::ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| e.to_string())?;
    let config = match check {
        Check::None => builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(Unchecked(provider)))
            .with_no_client_auth(),
        Check::Chain | Check::Full => {
            let roots = Arc::new(roots(root.as_deref())?);
            let webpki = WebPkiServerVerifier::builder_with_provider(roots, provider)
                .build()
                .map_err(|e| format!("TLS roots: {e}"))?;
            let verifier: Arc<dyn ServerCertVerifier> = match check {
                Check::Full => webpki,
                _ => Arc::new(AnyName(webpki)),
            };
            builder.dangerous().with_custom_certificate_verifier(verifier).with_no_client_auth()
        }
    };
    let url = if kept.is_empty() { base.to_string() } else { format!("{base}?{}", kept.join("&")) };
    Ok(Tls { url, connector: MakeRustlsConnect::new(config), verifies: check != Check::None })
}

/// The trusted roots: a PEM file's, else the system's.
fn roots(file: Option<&str>) -> Result<RootCertStore, String> {
    let mut roots = RootCertStore::empty();
    match file {
        Some(path) => {
            for cert in CertificateDer::pem_file_iter(path).map_err(|e| format!("sslrootcert={path}: {e}"))? {
                let cert = cert.map_err(|e| format!("sslrootcert={path}: {e}"))?;
                roots.add(cert).map_err(|e| format!("sslrootcert={path}: {e}"))?;
            }
        }
        None => {
            for cert in rustls_native_certs::load_native_certs().certs {
                // a store may hold certificates webpki cannot use: the others still count
                let _ = roots.add(cert);
            }
        }
    }
    if roots.is_empty() {
        return Err(format!(
            "no trusted root certificate for sslmode=verify-*{}",
            file.map(|f| format!(" in {f}")).unwrap_or_default()
        ));
    }
    Ok(roots)
}

/// A query string's value, `%XX` decoded (a path given as `%2Fetc%2F...`).
fn decode(v: &str) -> String {
    let bytes = v.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1).and_then(|&b| hex(b)), bytes.get(i + 2).and_then(|&b| hex(b))) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `prefer` and `require`: the handshake's signatures are checked (the session is encrypted
/// with whoever holds the certificate's key), the certificate is not.
#[derive(Debug)]
struct Unchecked(Arc<CryptoProvider>);

impl ServerCertVerifier for Unchecked {
    fn verify_server_cert(
        &self,
        _: &CertificateDer<'_>,
        _: &[CertificateDer<'_>],
        _: &ServerName<'_>,
        _: &[u8],
        _: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.0.signature_verification_algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.0.signature_verification_algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

/// `verify-ca`: the chain is checked, whatever host the certificate names.
#[derive(Debug)]
struct AnyName(Arc<WebPkiServerVerifier>);

impl ServerCertVerifier for AnyName {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        match self.0.verify_server_cert(end_entity, intermediates, server_name, ocsp, now) {
            Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url_of(url: &str) -> Result<String, String> {
        configure(url).map(|t| t.url)
    }

    #[test]
    fn verify_modes_are_require_to_the_library_and_their_settings_leave_the_url() {
        assert_eq!(url_of("postgresql://h/db").unwrap(), "postgresql://h/db");
        assert_eq!(url_of("postgresql://h/db?sslmode=disable").unwrap(), "postgresql://h/db?sslmode=disable");
        assert_eq!(
            url_of("postgresql://h/db?options=-c%20x&sslmode=prefer").unwrap(),
            "postgresql://h/db?options=-c%20x&sslmode=prefer"
        );
        // verify-full against the system's roots
        assert_eq!(
            url_of("postgresql://h/db?sslmode=verify-full").unwrap(),
            "postgresql://h/db?sslmode=require"
        );
        // a root file that does not exist is an error naming it
        let err =
            url_of("postgresql://h/db?sslmode=verify-ca&sslrootcert=%2Fnowhere%2Froot.pem").unwrap_err();
        assert!(err.contains("/nowhere/root.pem"), "{err}");
        let err = url_of("postgresql://h/db?sslmode=allow-anything").unwrap_err();
        assert!(err.contains("allow-anything"), "{err}");
        // verify-ca against the system's roots proves nothing: refused
        assert!(url_of("postgresql://h/db?sslmode=verify-ca").unwrap_err().contains("sslrootcert"));
        // a password with a ? in it: the query starts after the credentials
        assert!(!configure("postgresql://u:p?w@h/db?sslmode=verify-full").unwrap().url.contains("verify"));
        assert_eq!(
            url_of("postgresql://u:p?sslmode=disable@h/db?sslmode=verify-full").unwrap(),
            "postgresql://u:p?sslmode=disable@h/db?sslmode=require"
        );
        // keys are matched decoded, as the library decodes them
        assert_eq!(
            url_of("postgresql://h/db?%73slmode=verify-full").unwrap(),
            "postgresql://h/db?sslmode=require"
        );
        // a root file with prefer or no mode: verified whenever TLS is used
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/other-root.pem");
        let t = configure(&format!("postgresql://h/db?sslrootcert={root}")).unwrap();
        assert!(t.verifies);
        assert_eq!(t.url, "postgresql://h/db");
    }

    #[test]
    fn query_values_are_percent_decoded() {
        assert_eq!(decode("%2Fetc%2Fssl%2Froot.pem"), "/etc/ssl/root.pem");
        assert_eq!(decode("a%2"), "a%2");
        assert_eq!(decode("%zz"), "%zz");
    }
}
