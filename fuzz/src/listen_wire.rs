//! The reading plan's bytes between a page's module and the plan module (`listen::wire`): any
//! bytes read as a plan or as runs give an answer, never a panic, and what is read writes back
//! to the same bytes; a plan made from the bytes as text crosses over unchanged.

use news_widget::listen::plan::{plan, Run};
use news_widget::listen::wire::{decode_plan, decode_runs, encode_plan, encode_runs};

pub fn listen_wire(data: &[u8]) {
    if let Ok(utterances) = decode_plan(data, "ko") {
        assert_eq!(encode_plan(&utterances), data);
    }
    if let Ok(runs) = decode_runs(data) {
        let again = encode_runs(&runs);
        // A starts-block byte other than 0 writes back as 1.
        assert_eq!(again.len(), data.len());
        assert_eq!(decode_runs(&again), Ok(runs));
    }
    let text = String::from_utf8_lossy(data);
    let runs: Vec<Run> = text
        .split('\n')
        .enumerate()
        .map(|(i, line)| Run::new(line, i % 3 == 0))
        .collect();
    assert_eq!(decode_runs(&encode_runs(&runs)), Ok(runs.clone()));
    let planned = plan("zh-CN", &runs);
    assert_eq!(decode_plan(&encode_plan(&planned), "zh-CN"), Ok(planned));
}
