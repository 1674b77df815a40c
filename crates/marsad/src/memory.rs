//! Peak memory of this process.

/// The peak resident set size of this process, in bytes, when the platform tells it.
pub fn peak_rss_bytes() -> Option<u64> {
    // Linux: the high-water mark of the resident set, in kB
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}
