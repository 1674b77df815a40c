//! Reading articles into marsad.
