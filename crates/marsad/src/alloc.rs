//! The global allocator: mimalloc, asked as C's `malloc` is wherever that gives the alignment
//! Rust asks for.
//!
//! The `mimalloc` crate's allocator passes every request to `mi_malloc_aligned`. In mimalloc
//! 3 that serves a request at once only when a free block of its size happens to lie at the
//! alignment, and otherwise, for any block of more than 1 KiB whose size is no power of two,
//! allocates more than asked and aligns inside it (an `alignment` of 8 included). The pipeline's
//! vectors and strings of a few KiB took that path a hundred times an article (on 5,000 bench
//! articles, 489,000 of 4.85 million allocations, under callgrind). mimalloc rounds every
//! block of more than 8 bytes up to a multiple of 16 and starts its pages 16-aligned, so that
//! `mi_malloc` returns blocks aligned to 16 bytes whenever the size is more than 8
//! ([`MALLOC_ALIGN`], as C requires of `malloc`), and to 8 below. Every layout aligned to 16
//! bytes or less and to no more than its size is served by `mi_malloc`, `mi_zalloc` and
//! `mi_realloc`; larger alignments (the interner's 32-byte slots), and alignments larger than
//! the size, go to the aligned calls.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

use libmimalloc_sys as mi;

/// The alignment `mi_malloc` gives a block of at least that many bytes (`MI_MAX_ALIGN_SIZE`,
/// the size of C's `max_align_t`, on the platforms Rust supports).
const MALLOC_ALIGN: usize = 16;

/// mimalloc, with plain requests served as plain allocations (see the module documentation).
pub struct Allocator;

/// Whether `mi_malloc` of `size` bytes is aligned to `align`: blocks of more than 8 bytes are
/// 16-aligned, and the others 8-aligned, which a layout no more aligned than its size (a power
/// of two of at most 8 there) asks for no more than.
#[inline]
fn plain(align: usize, size: usize) -> bool {
    align <= MALLOC_ALIGN && align <= size
}

/// A block for `layout` from `plain_call` where [`plain`] says it aligns enough, else from
/// `aligned_call` (a pair of mimalloc's calls: plain or zeroed).
///
/// # Safety
/// The calls must be mimalloc's allocation calls of that shape; a null result is passed on as
/// the failure.
#[inline]
#[allow(unsafe_code)]
unsafe fn new_block(
    layout: Layout,
    plain_call: unsafe extern "C" fn(usize) -> *mut c_void,
    aligned_call: unsafe extern "C" fn(usize, usize) -> *mut c_void,
) -> *mut u8 {
    // SAFETY: plain C allocation calls (the caller's contract)
    unsafe {
        if plain(layout.align(), layout.size()) {
            plain_call(layout.size()).cast()
        } else {
            aligned_call(layout.size(), layout.align()).cast()
        }
    }
}

// SAFETY: every block comes from mimalloc with at least the layout's size and alignment
// (`plain` picks the unaligned calls only where mimalloc's blocks have that alignment), and
// every block is given back with `mi_free` or resized with `mi_realloc`/`mi_realloc_aligned`,
// which accept blocks of either kind.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Allocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: mimalloc's allocation calls, as `new_block` says
        unsafe { new_block(layout, mi::mi_malloc, mi::mi_malloc_aligned) }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as `alloc`
        unsafe { new_block(layout, mi::mi_zalloc, mi::mi_zalloc_aligned) }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: `ptr` came from this allocator, that is from mimalloc
        unsafe { mi::mi_free(ptr.cast::<c_void>()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` came from mimalloc; the new block keeps the layout's alignment (by
        // `plain` for `mi_realloc`, which moves a block into a plain one)
        unsafe {
            if plain(layout.align(), new_size) {
                mi::mi_realloc(ptr.cast::<c_void>(), new_size).cast()
            } else {
                mi::mi_realloc_aligned(ptr.cast::<c_void>(), new_size, layout.align()).cast()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Small blocks of every size, multiple of their alignment or not (hash tables ask for
    /// such layouts), have their layout's alignment, allocated plain or zeroed and resized.
    #[test]
    #[allow(unsafe_code)]
    fn small_blocks_of_any_size_have_their_alignment() {
        let a = Allocator;
        for align in [1usize, 2, 4, 8, 16, 32] {
            for size in 1..=200 {
                let layout = Layout::from_size_align(size, align).expect("a layout");
                // SAFETY: layouts of non-zero size; each block is freed once, by this allocator
                unsafe {
                    for zeroed in [false, true] {
                        let p = if zeroed { a.alloc_zeroed(layout) } else { a.alloc(layout) };
                        assert!(!p.is_null() && (p as usize).is_multiple_of(align), "{size} {align}");
                        let q = a.realloc(p, layout, size + 37);
                        assert!(!q.is_null() && (q as usize).is_multiple_of(align), "{size} {align} grown");
                        a.dealloc(q, Layout::from_size_align(size + 37, align).expect("a layout"));
                    }
                }
            }
        }
    }

    /// Blocks of every size up to a few pages and every alignment up to 4 KiB have their
    /// layout's alignment, through allocation, zeroed allocation and growth and shrinking.
    #[test]
    #[allow(unsafe_code)]
    fn every_block_has_its_layouts_alignment() {
        let a = Allocator;
        for align in [1usize, 2, 4, 8, 16, 32, 64, 4096] {
            let mut size = align;
            while size <= 20_000 {
                let layout = Layout::from_size_align(size, align).expect("a layout");
                // SAFETY: layouts of non-zero size; each block is freed once, by the allocator
                // that gave it
                unsafe {
                    let p = a.alloc(layout);
                    assert!(!p.is_null() && (p as usize).is_multiple_of(align), "alloc {size} {align}");
                    p.write_bytes(0xab, size);
                    let bigger = size * 3 + align;
                    let q = a.realloc(p, layout, bigger);
                    assert!(!q.is_null() && (q as usize).is_multiple_of(align), "grown {size} {align}");
                    assert_eq!(*q.add(size - 1), 0xab, "the contents move with the block");
                    let r = a.realloc(q, Layout::from_size_align(bigger, align).expect("a layout"), align);
                    assert!(!r.is_null() && (r as usize).is_multiple_of(align), "shrunk {size} {align}");
                    a.dealloc(r, Layout::from_size_align(align, align).expect("a layout"));
                    let z = a.alloc_zeroed(layout);
                    assert!(!z.is_null() && (z as usize).is_multiple_of(align), "zeroed {size} {align}");
                    assert!((0..size).all(|i| *z.add(i) == 0), "zeroed {size} {align}");
                    a.dealloc(z, layout);
                }
                size = size * 2 + align;
            }
        }
    }
}
