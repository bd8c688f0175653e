#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| news_widget_fuzz::language_tags::lang_tag(data));
