//! Font-step arithmetic and stored-value parsing, natively (what a key does to the step is the
//! state machines', in tests/state and `toolbar_state`).
use news_widget::contract::FontStep;

#[test]
fn default_step_is_one_hundred_percent() {
    assert_eq!(FontStep::DEFAULT.percent_text(), "100");
    assert_eq!(FontStep::DEFAULT.scale_css(), "1");
}

#[test]
fn steps_cover_87_5_to_200_percent() {
    let all: Vec<String> = (-1..=5)
        .map(|s| FontStep::clamped(s).percent_text())
        .collect();
    assert_eq!(all, ["87.5", "100", "112.5", "125", "150", "175", "200"]);
}

#[test]
fn scale_is_written_without_floats() {
    assert_eq!(FontStep::clamped(-1).scale_css(), "0.875");
    assert_eq!(FontStep::clamped(1).scale_css(), "1.125");
    assert_eq!(FontStep::clamped(5).scale_css(), "2");
}

#[test]
fn larger_clamps_at_200_percent() {
    assert_eq!(FontStep::MAX.larger(), FontStep::MAX);
    assert!(FontStep::MAX.is_max());
    assert_eq!(FontStep::MAX.percent_text(), "200");
}

#[test]
fn smaller_clamps_at_87_5_percent() {
    assert_eq!(FontStep::MIN.smaller(), FontStep::MIN);
    assert!(FontStep::MIN.is_min());
}

#[test]
fn two_steps_up_from_default_is_125_percent() {
    assert_eq!(FontStep::DEFAULT.larger().larger().percent_text(), "125");
}

#[test]
fn api_values_out_of_range_are_clamped() {
    assert_eq!(FontStep::clamped(99), FontStep::MAX);
    assert_eq!(FontStep::clamped(-99), FontStep::MIN);
}

#[test]
fn stored_value_round_trips() {
    let step = FontStep::clamped(3);
    assert_eq!(FontStep::parse_stored(&step.to_stored()), step);
}

#[test]
fn stored_garbage_means_default() {
    assert_eq!(FontStep::parse_stored("large"), FontStep::DEFAULT);
    assert_eq!(FontStep::parse_stored(""), FontStep::DEFAULT);
    assert_eq!(FontStep::parse_stored("1.5"), FontStep::DEFAULT);
    assert_eq!(FontStep::parse_stored("{\"step\":2}"), FontStep::DEFAULT);
}

#[test]
fn stored_out_of_range_means_default_not_clamped() {
    // An out-of-range stored number is not the reader's choice; clamping would invent one.
    assert_eq!(FontStep::parse_stored("12"), FontStep::DEFAULT);
    assert_eq!(FontStep::parse_stored("-3"), FontStep::DEFAULT);
}

#[test]
fn stored_value_tolerates_whitespace() {
    assert_eq!(FontStep::parse_stored(" 2\n"), FontStep::clamped(2));
}
