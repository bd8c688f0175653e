//! Fluent's AST lowered into the compact form (`ftl_format::form`).

use fluent_syntax::ast;
use fluent_syntax::unicode::unescape_unicode_to_string;
use ftl_format::form::{self, Writer};

pub(crate) fn resource(resource: &ast::Resource<&str>) -> Vec<u8> {
    let mut w = Writer::new();
    w.byte(form::VERSION);
    for entry in &resource.body {
        match entry {
            ast::Entry::Message(m) => {
                write_entry(&mut w, false, m.id.name, m.value.as_ref(), &m.attributes)
            }
            ast::Entry::Term(t) => {
                write_entry(&mut w, true, t.id.name, Some(&t.value), &t.attributes)
            }
            // Junk (reported by the parser) and comments are not part of the form.
            _ => {}
        }
    }
    w.into_bytes()
}

fn write_entry(
    w: &mut Writer,
    term: bool,
    id: &str,
    value: Option<&ast::Pattern<&str>>,
    attributes: &[ast::Attribute<&str>],
) {
    let mut flags = 0;
    if term {
        flags |= form::TERM;
    }
    if value.is_some() {
        flags |= form::HAS_VALUE;
    }
    w.byte(flags);
    w.string(id);
    if let Some(value) = value {
        write_pattern(w, value);
    }
    w.count(attributes.len());
    for attribute in attributes {
        w.string(attribute.id.name);
        write_pattern(w, &attribute.value);
    }
}

/// A pattern, length first. Adjacent text elements (one per source line) become one.
fn write_pattern(w: &mut Writer, pattern: &ast::Pattern<&str>) {
    let mut p = Writer::new();
    let mut text = String::new();
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => text.push_str(value),
            ast::PatternElement::Placeable { expression } => {
                flush_text(&mut p, &mut text);
                write_expression(&mut p, expression);
            }
        }
    }
    flush_text(&mut p, &mut text);
    w.slice(&p.into_bytes());
}

fn flush_text(w: &mut Writer, text: &mut String) {
    if !text.is_empty() {
        w.byte(form::TEXT);
        w.string(text);
        text.clear();
    }
}

fn write_expression(w: &mut Writer, expression: &ast::Expression<&str>) {
    match expression {
        ast::Expression::Inline(inline) => write_inline(w, inline),
        ast::Expression::Select { selector, variants } => {
            w.byte(form::SELECT);
            write_inline(w, selector);
            w.count(variants.len());
            w.count(variants.iter().position(|v| v.default).unwrap_or(0));
            for variant in variants {
                match variant.key {
                    ast::VariantKey::Identifier { name } => {
                        w.byte(form::KEY_NAME);
                        w.string(name);
                    }
                    ast::VariantKey::NumberLiteral { value } => {
                        w.byte(form::KEY_NUMBER);
                        w.string(value);
                    }
                }
                write_pattern(w, &variant.value);
            }
        }
    }
}

fn write_inline(w: &mut Writer, inline: &ast::InlineExpression<&str>) {
    match inline {
        ast::InlineExpression::StringLiteral { value } => {
            w.byte(form::STRING);
            w.string(&unescape_unicode_to_string(value));
        }
        // As written: the parser took only `-?[0-9]+(\.[0-9]+)?`, which always reads as a
        // number (fluent-bundle's `try_number` never falls back to a string on it).
        ast::InlineExpression::NumberLiteral { value } => {
            w.byte(form::NUMBER);
            w.string(value);
        }
        ast::InlineExpression::FunctionReference { id, arguments } => {
            w.byte(form::FUNCTION);
            w.string(id.name);
            write_arguments(w, Some(arguments));
        }
        ast::InlineExpression::MessageReference { id, attribute } => match attribute {
            Some(attribute) => {
                w.byte(form::MESSAGE_ATTRIBUTE);
                w.string(id.name);
                w.string(attribute.name);
            }
            None => {
                w.byte(form::MESSAGE);
                w.string(id.name);
            }
        },
        ast::InlineExpression::TermReference {
            id,
            attribute,
            arguments,
        } => {
            match attribute {
                Some(attribute) => {
                    w.byte(form::TERM_ATTRIBUTE);
                    w.string(id.name);
                    w.string(attribute.name);
                }
                None => {
                    w.byte(form::TERM_REFERENCE);
                    w.string(id.name);
                }
            }
            write_arguments(w, arguments.as_ref());
        }
        ast::InlineExpression::VariableReference { id } => {
            w.byte(form::VARIABLE);
            w.string(id.name);
        }
        ast::InlineExpression::Placeable { expression } => {
            w.byte(form::PLACEABLE);
            write_expression(w, expression);
        }
    }
}

fn write_arguments(w: &mut Writer, arguments: Option<&ast::CallArguments<&str>>) {
    let (positional, named) = arguments.map_or((&[][..], &[][..]), |a| {
        (a.positional.as_slice(), a.named.as_slice())
    });
    w.count(positional.len());
    for argument in positional {
        write_inline(w, argument);
    }
    w.count(named.len());
    for argument in named {
        w.string(argument.name.name);
        write_inline(w, &argument.value);
    }
}
