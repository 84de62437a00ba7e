//! A passage's text with the query's matches marked.

use leptos::prelude::*;

/// The text with its matched spans (code points) in `<mark>`, as text nodes: nothing is
/// parsed as HTML.
pub fn highlighted(text: &str, spans: &[(usize, usize)]) -> impl IntoView {
    let chars: Vec<char> = text.chars().collect();
    let mut pieces = Vec::new();
    let mut at = 0;
    for &(a, b) in spans {
        if a < at || b > chars.len() || a > b {
            continue;
        }
        pieces.push((chars[at..a].iter().collect::<String>(), false));
        pieces.push((chars[a..b].iter().collect::<String>(), true));
        at = b;
    }
    pieces.push((chars[at..].iter().collect::<String>(), false));
    pieces
        .into_iter()
        .map(|(s, mark)| match mark {
            true => view! { <mark>{s}</mark> }.into_any(),
            false => s.into_any(),
        })
        .collect_view()
}
