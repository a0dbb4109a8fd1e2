//! The committed, team-written articles the `events` bench and the `events_speed` example both
//! run on, so that a CPU-time figure and a throughput figure measure the same work.

pub const ARTICLES: [&str; 10] = [
    include_str!("../../../../testdata/articles/01-harbor-fire.txt"),
    include_str!("../../../../testdata/articles/02-council-budget.txt"),
    include_str!("../../../../testdata/articles/03-vaccine-trial.txt"),
    include_str!("../../../../testdata/articles/04-election-recount.txt"),
    include_str!("../../../../testdata/articles/05-tech-outage.txt"),
    include_str!("../../../../testdata/articles/06-drought-farmers.txt"),
    include_str!("../../../../testdata/articles/07-court-ruling.txt"),
    include_str!("../../../../testdata/articles/08-mountain-rescue.txt"),
    include_str!("../../../../testdata/articles/09-trade-talks.txt"),
    include_str!("../../../../testdata/articles/10-museum-theft.txt"),
];
