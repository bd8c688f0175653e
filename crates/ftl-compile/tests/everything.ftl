simple = Hello
var = Hi { $name }!
two-vars = { $name } has { $n } and { $name } again
num-literal = { 1.50 } and { 42 } and { -3 } and { 0.001 }
str-literal = { "a\u0041\\\"b" } and { "" } and { "\U01F60A" }
plural = { $n ->
    [one] one item
   *[other] { $n } items
}
exact = { $n ->
    [0] none
    [1] single
    [one] plural-one
   *[other] many
}
exact-fraction = { $n ->
    [1.0] one-point-zero
   *[other] other
}
categories = { $n ->
    [zero] zero
    [one] one
    [two] two
    [few] few
    [many] many
   *[other] other
}
string-select = { $g ->
    [male] he
    [female] she
   *[other] they
}
literal-select = { "b" ->
    [a] A
    [b] B
   *[c] C
}
literal-keys = { 0.1 ->
    [0.10] written-otherwise
    [0.1] point-one
   *[other] other
}
number-literal-select = { 1 ->
    [one] one
   *[other] other
}
nested = { { $name } } and { { "lit" } }
nested-select = { { $n ->
    [one] one
   *[other] other
} }
message-ref = { simple } and { var }
attribute-ref = { with-attribute.title }
with-attribute = Value
    .title = Title { $name }
    .plain = Plain
no-value =
    .only = attribute only
no-value-ref = { no-value }
missing-refs = { nope } { nope.attribute } { simple.nope } { no-value.nope }
-brand = Widget
    .gender = neuter
-cased = { $case ->
    [genitive] Widget's
   *[nominative] Widget
} { $name }
term-refs = { -brand } { -cased } { -cased(case: "genitive") } { -missing } { -brand.nope }
term-with-name = { -cased(name: "inner", case: "genitive") }
term-attribute-select = { -brand.gender ->
    [neuter] it
   *[other] they
}
-outer = { -brand } then { $name }
term-args-end-early = { -outer(name: "local") }
-speaks = { var }
message-inside-term = { -speaks }
term-positional = { -brand($n, $missing, "x") }
functions = { NUMBER($n) } and { PLATFORM() } and { UPPER($missing, key: "v") }
function-select = { NUMBER($n) ->
    [one] one
   *[other] other
}
variable-missing-select = { $missing ->
    [one] one
   *[other] other
}
cycle-a = { cycle-b }
cycle-b = { cycle-a }
self-ref = { self-ref }
self-attribute = { self-attribute.a }
    .a = { self-attribute }
multiline = Line one
    line two { $name }

    line four
duplicate = first
duplicate = second
shadowed = message
-shadowed = term
shadowed-ref = { shadowed } { -shadowed }
laughs-0 = LOL
laughs-1 = {laughs-0}{laughs-0}{laughs-0}{laughs-0}{laughs-0}{laughs-0}{laughs-0}{laughs-0}{laughs-0}{laughs-0}
laughs-2 = {laughs-1}{laughs-1}{laughs-1}{laughs-1}{laughs-1}{laughs-1}{laughs-1}{laughs-1}{laughs-1}{laughs-1}
laughs-3 = {laughs-2}{laughs-2}{laughs-2}{laughs-2}{laughs-2}{laughs-2}{laughs-2}{laughs-2}{laughs-2}{laughs-2}
laughs-select = { $n ->
   *[other] {laughs-2}{laughs-2}
}
broken = { $
after-broken = still here
