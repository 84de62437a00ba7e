//! Zoom gestures on a chart: the wheel (a trackpad pinch arrives as a wheel with ctrl) and
//! a two-finger touch pinch, each turned into a new visible range by the maths in
//! `milcoop_core::query::timeline` (`wheel`, `Pinch`, `axis_fraction`).

use crate::components::filtered::History;
use leptos::prelude::*;
use milcoop_core::query::timeline::{self, Pinch, Window};

/// Where the chart's time axis lies in its viewBox: its width, and the space left and right
/// of the axis.
#[derive(Clone, Copy, Debug)]
pub struct Axis {
    pub view_width: i32,
    pub left: i32,
    pub right: i32,
}

/// The handlers to put on the chart's frame.
#[derive(Clone, Copy)]
pub struct ZoomGestures {
    pub on_wheel: Callback<leptos::ev::WheelEvent>,
    pub on_touchstart: Callback<web_sys::TouchEvent>,
    pub on_touchmove: Callback<web_sys::TouchEvent>,
    pub on_touchend: Callback<web_sys::TouchEvent>,
}

/// Zoom gestures over the chart `svg`, whose visible range is `range` within `bounds`;
/// `set` shows a new range. Wheel steps replace the history entry (Back leaves the chart);
/// a pinch is one step.
pub fn use_zoom_gestures(
    svg: NodeRef<leptos::svg::Svg>,
    axis: Axis,
    range: Memo<Window>,
    bounds: Window,
    set: impl Fn(Window, History) + Copy + Send + Sync + 'static,
) -> ZoomGestures {
    // Where a pointer is across the axis, 0–1.
    let at = move |client_x: f64| -> f32 {
        let Some(el) = svg.get_untracked() else {
            return 0.5;
        };
        let r = el.get_bounding_client_rect();
        timeline::axis_fraction(
            client_x,
            (r.left(), r.width()),
            axis.view_width,
            (axis.left, axis.right),
        )
    };
    let pinch = StoredValue::new(None::<Pinch>);
    let spread = |ev: &web_sys::TouchEvent| -> Option<(f64, f64)> {
        let t = ev.touches();
        let (a, b) = (t.get(0)?, t.get(1)?);
        let dx = (a.client_x() - b.client_x()) as f64;
        let dy = (a.client_y() - b.client_y()) as f64;
        Some((dx.hypot(dy), (a.client_x() + b.client_x()) as f64 / 2.0))
    };
    ZoomGestures {
        on_wheel: Callback::new(move |ev: leptos::ev::WheelEvent| {
            ev.prevent_default();
            let delta = (ev.delta_x(), ev.delta_y());
            if let Some(r) = timeline::wheel(
                range.get_untracked(),
                delta,
                at(ev.client_x() as f64),
                bounds,
            ) {
                set(r, History::Replace);
            }
        }),
        on_touchstart: Callback::new(move |ev: web_sys::TouchEvent| {
            pinch.set_value(spread(&ev).map(|(d, x)| Pinch {
                start: d,
                now: d,
                at: at(x),
            }));
        }),
        on_touchmove: Callback::new(move |ev: web_sys::TouchEvent| {
            if let (Some(p), Some((d, _))) = (pinch.get_value(), spread(&ev)) {
                ev.prevent_default();
                pinch.set_value(Some(Pinch { now: d, ..p }));
            }
        }),
        on_touchend: Callback::new(move |_: web_sys::TouchEvent| {
            if let Some(r) = pinch
                .get_value()
                .and_then(|p| p.zoom(range.get_untracked(), bounds))
            {
                set(r, History::Push);
            }
            pinch.set_value(None);
        }),
    }
}
