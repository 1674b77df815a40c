//! The list of inputs of a run, worked out before anything is read: folders walked (paths
//! only), manifests loaded, sizes summed for progress.

use std::collections::{BTreeMap, HashSet};
use std::fs::{self, Metadata as FsMetadata};
use std::io;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::manifest::{self, ManifestSet};
use crate::sniff::{self, kind_from_name};
use crate::{IGNORED_HIDDEN, ManifestError, ManifestInfo, Options, SkipReason, Skipped};

/// One step of the run, in output order.
#[derive(Debug)]
pub(crate) enum Planned {
    /// A file (or pipe) to read; `size` is known for regular files.
    File {
        path: PathBuf,
        size: Option<u64>,
    },
    Stdin,
    Skip(Skipped),
}

#[derive(Debug, Default)]
pub(crate) struct Plan {
    pub items: Vec<Planned>,
    pub ignored: BTreeMap<String, u64>,
    pub manifests: ManifestSet,
    pub infos: Vec<ManifestInfo>,
    pub total_bytes: u64,
    /// Manifests in use (canonical paths): never read as articles, never loaded twice.
    used: HashSet<PathBuf>,
}

pub(crate) fn build(paths: &[PathBuf], options: &Options) -> Result<Plan, ManifestError> {
    let mut plan = Plan::default();
    for path in &options.manifests {
        let display = path.to_string_lossy().into_owned();
        // What is left of the problems once the manifest loaded is reported, not fatal.
        let (manifest, problems) = manifest::load(path, &display, false)?;
        plan.report(&display, problems);
        plan.infos.push(ManifestInfo { path: display, entries: manifest.len(), automatic: false });
        plan.manifests.push(manifest);
        if let Ok(canonical) = fs::canonicalize(path) {
            plan.used.insert(canonical);
        }
    }
    if paths.is_empty() {
        plan.items.push(Planned::Stdin);
    }
    for path in paths {
        if path.as_os_str() == "-" {
            plan.items.push(Planned::Stdin);
        } else {
            plan.add_path(path, options);
        }
    }
    plan.manifests.finish();
    Ok(plan)
}

/// What became of a file met in a walk.
enum Added {
    /// Planned for reading, or reported as skipped.
    Input,
    /// A metadata manifest, loaded or already in use.
    Manifest,
    /// Not read, counted under this key.
    Ignored(String),
}

fn skip(path: &Path, reason: SkipReason) -> Planned {
    let display = path.to_string_lossy().into_owned();
    Planned::Skip(Skipped { input: display.clone(), path: Some(display), line: None, reason })
}

/// The reason for a failed `stat` of `path`.
fn stat_failure(path: &Path, e: &io::Error) -> SkipReason {
    if e.kind() == io::ErrorKind::NotFound {
        if fs::symlink_metadata(path).is_ok() { SkipReason::BrokenLink } else { SkipReason::NotFound }
    } else {
        SkipReason::Unreadable(e.to_string())
    }
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

impl Plan {
    fn add_path(&mut self, path: &Path, options: &Options) {
        match fs::metadata(path) {
            Err(e) => self.items.push(skip(path, stat_failure(path, &e))),
            Ok(meta) if meta.is_dir() => self.walk(path, options),
            Ok(meta) => {
                self.add_file(path, &meta, true, options);
            }
        }
    }

    /// Walks a folder named as an input. One that gives nothing at all to read (no input,
    /// no skipped one) is reported, with what it holds instead.
    fn walk(&mut self, root: &Path, options: &Options) {
        let items_before = self.items.len();
        let mut ignored = BTreeMap::new();
        let mut manifests = 0;
        let mut hidden = 0;
        let walker = WalkDir::new(root)
            .follow_links(options.follow_links)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|entry| {
                let keep = entry.depth() == 0 || !is_hidden(entry.file_name());
                hidden += u64::from(!keep);
                keep
            });
        for entry in walker {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    let path = e.path().unwrap_or(root).to_path_buf();
                    let reason = if let Some(ancestor) = e.loop_ancestor() {
                        SkipReason::DirectoryLoop { ancestor: ancestor.to_string_lossy().into_owned() }
                    } else if let Some(io) = e.io_error() {
                        stat_failure(&path, io)
                    } else {
                        SkipReason::Unreadable(e.to_string())
                    };
                    self.items.push(skip(&path, reason));
                    continue;
                }
            };
            let file_type = entry.file_type();
            if file_type.is_dir() {
                continue;
            }
            let path = entry.path();
            let added = if file_type.is_symlink() {
                // Only met when links are not followed: a link to a file is still read.
                match fs::metadata(path) {
                    Err(e) => self.skip(path, stat_failure(path, &e)),
                    Ok(meta) if meta.is_dir() => self.skip(path, SkipReason::LinkNotFollowed),
                    Ok(meta) if meta.is_file() => self.add_file(path, &meta, false, options),
                    Ok(_) => self.skip(path, SkipReason::NotRegularFile),
                }
            } else if file_type.is_file() {
                match entry.metadata() {
                    Ok(meta) => self.add_file(path, &meta, false, options),
                    Err(e) => self.skip(path, SkipReason::Unreadable(e.to_string())),
                }
            } else {
                // Pipes, sockets, devices: reading one could block forever.
                self.skip(path, SkipReason::NotRegularFile)
            };
            match added {
                Added::Ignored(key) => *ignored.entry(key).or_default() += 1,
                Added::Manifest => manifests += 1,
                Added::Input => {}
            }
        }
        if hidden > 0 {
            ignored.insert(IGNORED_HIDDEN.to_string(), hidden);
        }
        for (key, n) in &ignored {
            *self.ignored.entry(key.clone()).or_default() += n;
        }
        if self.items.len() == items_before {
            self.items.push(skip(root, SkipReason::EmptyFolder { ignored, manifests }));
        }
    }

    fn add_file(&mut self, path: &Path, meta: &FsMetadata, explicit: bool, options: &Options) -> Added {
        // Resolving a path costs a system call per component: only done when it can matter.
        if !self.used.is_empty() && fs::canonicalize(path).is_ok_and(|c| self.used.contains(&c)) {
            return Added::Manifest;
        }
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if manifest::shape_by_name(&name).is_some() && manifest::detect(path).is_some() {
            if options.auto_manifests {
                self.load_automatic(path);
                return Added::Manifest;
            }
            self.items.push(skip(path, SkipReason::Manifest));
            return Added::Input;
        }
        if !explicit && options.format.is_none() && !walk_reads(path, &name) {
            return Added::Ignored(sniff::extension(&name));
        }
        let size = meta.is_file().then_some(meta.len());
        self.total_bytes += size.unwrap_or(0);
        self.items.push(Planned::File { path: path.to_path_buf(), size });
        Added::Input
    }

    fn skip(&mut self, path: &Path, reason: SkipReason) -> Added {
        self.items.push(skip(path, reason));
        Added::Input
    }

    /// Manifest lines that could not be used, as skipped items.
    fn report(&mut self, display: &str, problems: Vec<manifest::Problem>) {
        for problem in problems {
            self.items.push(Planned::Skip(Skipped {
                input: format!("{display}:{}", problem.line),
                path: Some(display.to_string()),
                line: Some(problem.line),
                reason: SkipReason::BadManifestEntry(problem.message),
            }));
        }
    }

    fn load_automatic(&mut self, path: &Path) {
        let display = path.to_string_lossy().into_owned();
        match manifest::load(path, &display, true) {
            Ok((manifest, problems)) => {
                self.infos.push(ManifestInfo {
                    path: display.clone(),
                    entries: manifest.len(),
                    automatic: true,
                });
                self.manifests.push(manifest);
                self.report(&display, problems);
                if let Ok(canonical) = fs::canonicalize(path) {
                    self.used.insert(canonical);
                }
            }
            Err(e) => self.items.push(skip(path, SkipReason::Unreadable(e.to_string()))),
        }
    }
}

/// Whether a folder walk reads this file: a known extension, or a `.gz` whose stored name
/// has one.
fn walk_reads(path: &Path, name: &str) -> bool {
    match kind_from_name(name) {
        (Some(_), _) => true,
        (None, true) => gzip_inner_name(path).is_some_and(|inner| kind_from_name(&inner).0.is_some()),
        (None, false) => false,
    }
}

/// The original file name stored in a gzip header, if any.
pub(crate) fn gzip_inner_name(path: &Path) -> Option<String> {
    let file = fs::File::open(path).ok()?;
    let decoder = flate2::read::GzDecoder::new(io::BufReader::new(file));
    decoder.header()?.filename().map(|n| String::from_utf8_lossy(n).into_owned())
}
