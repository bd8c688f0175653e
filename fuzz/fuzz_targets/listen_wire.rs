#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| news_widget_fuzz::listen_wire::listen_wire(data));
