//! Font-step arithmetic and stored-value parsing (font step, line spacing, contrast, speed of
//! reading aloud), natively (what a key does to the step is the state machines', in tests/state
//! and `toolbar_state`).
use news_widget::contract::{Contrast, FontStep, LineSpacing};
use news_widget::listen::rate::Rate;
use news_widget::prefs::{
    CONTRAST_KEY, FONT_STEP_KEY, LANGUAGE_KEY, LINE_SPACING_KEY, LISTEN_RATE_KEY,
};

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

#[test]
fn line_spacing_round_trips_through_storage() {
    for spacing in LineSpacing::ALL {
        assert_eq!(LineSpacing::parse_stored(spacing.to_stored()), spacing);
    }
    assert_eq!(LineSpacing::parse_stored(" 1.5\n"), LineSpacing::OneAndHalf);
}

#[test]
fn stored_line_spacing_garbage_means_normal() {
    for garbage in ["", "1.50", "double", "3", "-1", "{\"v\":2}", "NaN"] {
        assert_eq!(
            LineSpacing::parse_stored(garbage),
            LineSpacing::Normal,
            "{garbage}"
        );
    }
}

#[test]
fn contrast_round_trips_through_storage() {
    for contrast in Contrast::ALL {
        assert_eq!(Contrast::parse_stored(contrast.to_stored()), contrast);
    }
}

#[test]
fn stored_contrast_garbage_means_the_site_s_colours() {
    for garbage in ["", "dark", "Light-On-Dark", "high", "1"] {
        assert_eq!(Contrast::parse_stored(garbage), Contrast::Site, "{garbage}");
    }
}

#[test]
fn listen_rate_round_trips_through_storage() {
    for rate in Rate::all() {
        assert_eq!(Rate::parse_stored(rate.to_stored()), rate);
    }
    assert_eq!(Rate::parse_stored("0.75"), Rate::SLOWEST);
}

#[test]
fn stored_listen_rate_garbage_means_normal_speed() {
    for garbage in ["", "2", "0.5", "1.0", "fast", "0.750"] {
        assert_eq!(Rate::parse_stored(garbage), Rate::NORMAL, "{garbage}");
    }
}

#[test]
fn listen_rates_go_from_three_quarters_to_one_and_a_half() {
    let rates: Vec<(&str, u16)> = Rate::all().map(|r| (r.text(), r.per_mille())).collect();
    assert_eq!(
        rates,
        [("0.75", 750), ("1", 1000), ("1.25", 1250), ("1.5", 1500)]
    );
    assert_eq!(Rate::NORMAL.value(), 1.0);
    assert_eq!(Rate::default(), Rate::NORMAL);
}

#[test]
fn every_preference_key_is_the_widget_s() {
    for key in [
        FONT_STEP_KEY,
        LANGUAGE_KEY,
        LINE_SPACING_KEY,
        CONTRAST_KEY,
        LISTEN_RATE_KEY,
    ] {
        assert!(key.starts_with("news-widget:"), "{key}");
    }
}
