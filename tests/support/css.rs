//! Enough of a CSS reader for the tests of the project's own stylesheets: style rules with their
//! selectors, declarations and the at-rules around them. Comments are dropped, a backslash
//! escapes the next character (as an id written by `css_identifier` may hold `\{`).

/// A style rule: the at-rule preludes it is inside (outermost first), its selectors, and its
/// declarations as (property, value) with `!important` kept in the value.
#[derive(Debug)]
pub struct Rule {
    pub at: Vec<String>,
    pub selectors: Vec<String>,
    pub declarations: Vec<(String, String)>,
}

pub fn rules(css: &str) -> Vec<Rule> {
    let mut out = Vec::new();
    let chars: Vec<char> = strip_comments(css).chars().collect();
    read_block(&chars, &mut 0, &mut Vec::new(), &mut out);
    out
}

fn strip_comments(css: &str) -> String {
    let mut out = String::new();
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        let end = rest[start..].find("*/").expect("comments are closed");
        rest = &rest[start + end + 2..];
    }
    out.push_str(rest);
    out
}

/// Reads rules until the end or an unmatched `}` (the end of the at-rule's block).
fn read_block(chars: &[char], at: &mut usize, context: &mut Vec<String>, out: &mut Vec<Rule>) {
    loop {
        let prelude = read_until(chars, at, &['{', '}']);
        match chars.get(*at) {
            None => return,
            Some('}') => {
                *at += 1;
                return;
            }
            _ => {}
        }
        *at += 1;
        let prelude = prelude.trim().to_string();
        if prelude.starts_with('@') {
            context.push(prelude);
            read_block(chars, at, context, out);
            context.pop();
        } else {
            let body = read_until(chars, at, &['}']);
            *at += 1;
            out.push(Rule {
                at: context.clone(),
                selectors: split_top(&prelude, ',')
                    .into_iter()
                    .map(|s| s.trim().to_string())
                    .collect(),
                declarations: split_top(&body, ';')
                    .into_iter()
                    .filter_map(|d| {
                        let (name, value) = d.split_once(':')?;
                        Some((name.trim().to_string(), value.trim().to_string()))
                    })
                    .collect(),
            });
        }
    }
}

fn read_until(chars: &[char], at: &mut usize, stops: &[char]) -> String {
    let mut text = String::new();
    while let Some(&c) = chars.get(*at) {
        if c == '\\' {
            text.push(c);
            text.extend(chars.get(*at + 1));
            *at += 2;
            continue;
        }
        if stops.contains(&c) {
            break;
        }
        text.push(c);
        *at += 1;
    }
    text
}

/// `text` split at `separator` outside parentheses and escapes (`:is(a, b)` is one selector).
fn split_top(text: &str, separator: char) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut depth = 0;
    let mut escaped = false;
    for c in text.chars() {
        let part = parts.last_mut().expect("one part at least");
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == '(' {
            depth += 1;
        } else if c == ')' {
            depth -= 1;
        } else if c == separator && depth == 0 {
            parts.push(String::new());
            continue;
        }
        part.push(c);
    }
    parts.retain(|p| !p.trim().is_empty());
    parts
}
