//! Publication dates as the contract accepts them: `YYYY-MM-DD` or RFC 3339.

use chrono::{DateTime, NaiveDate, NaiveDateTime};

/// Parses `YYYY-MM-DD`, RFC 3339 (`2024-03-27T10:00:00Z`, `…+02:00`) or a zone-less
/// `YYYY-MM-DDTHH:MM[:SS]`. The date is the one written (the local date of the offset given),
/// not converted to UTC: a story dated late evening in New York keeps its New York date.
pub fn parse_published(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(d);
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(dt.date_naive());
    }
    for fmt in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S"] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(s, fmt) {
            return Some(dt.date());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        let d = NaiveDate::from_ymd_opt(2024, 3, 27).unwrap();
        assert_eq!(parse_published("2024-03-27"), Some(d));
        assert_eq!(parse_published(" 2024-03-27 "), Some(d));
        assert_eq!(parse_published("2024-03-27T23:30:00-05:00"), Some(d));
        assert_eq!(parse_published("2024-03-27T08:00:00Z"), Some(d));
        assert_eq!(parse_published("2024-03-27T08:00"), Some(d));
        assert_eq!(parse_published("27/03/2024"), None);
        assert_eq!(parse_published("2024-02-30"), None);
        assert_eq!(parse_published(""), None);
    }
}
