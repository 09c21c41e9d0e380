//! The state of a lesson page's form: the text of every field, the values they make once
//! validated, and the permalink query of the last valid values.

use leptos::prelude::*;

use crate::engine::{ParamError, ParamValues};
use crate::lessons::permalink::query_for;
use crate::lessons::AnyLesson;

/// The validated values of a form, or every error found.
pub type Validated = Result<ParamValues, Vec<ParamError>>;

/// A lesson's form: one text signal per parameter and what follows from them.
#[derive(Clone)]
pub struct LessonForm {
    /// The text of each parameter's input, in the lesson's order.
    pub texts: Vec<RwSignal<String>>,
    /// The values, once every field and every rule across fields passes.
    pub validated: Memo<Validated>,
    /// The errors to show beside the fields (empty when valid).
    pub errors: Memo<Vec<ParamError>>,
    /// The permalink query of the last valid values (without `?` and `embed`).
    pub query: Memo<String>,
}

impl LessonForm {
    /// A form filled with `initial`.
    pub fn new(lesson: &'static dyn AnyLesson, initial: ParamValues) -> Self {
        let info = lesson.info();
        let texts: Vec<RwSignal<String>> = info
            .params
            .iter()
            .map(|s| RwSignal::new(initial.form_text(s)))
            .collect();
        let fields = texts.clone();
        let validated = Memo::new(move |_| -> Validated {
            let owned: Vec<String> = fields.iter().map(|t| t.get()).collect();
            let values = ParamValues::parse(info.params, |key| {
                let i = info.params.iter().position(|s| s.key == key)?;
                owned.get(i).map(|s| s.as_str())
            })?;
            let errors = lesson.check(&values);
            if errors.is_empty() {
                Ok(values)
            } else {
                Err(errors)
            }
        });
        let errors = Memo::new(move |_| validated.get().err().unwrap_or_default());
        let query = Memo::new(move |previous: Option<&String>| match validated.get() {
            Ok(values) => query_for(lesson, &values, false),
            Err(_) => previous
                .cloned()
                .unwrap_or_else(|| query_for(lesson, &initial, false)),
        });
        Self {
            texts,
            validated,
            errors,
            query,
        }
    }

    /// Whether every field is valid.
    pub fn is_valid(&self) -> bool {
        self.validated.with(|v| v.is_ok())
    }

    /// The values to show code for: the valid ones, or the lesson's defaults.
    pub fn values_or_defaults(&self, lesson: &dyn AnyLesson) -> ParamValues {
        self.validated
            .get()
            .unwrap_or_else(|_| ParamValues::defaults(lesson.info().params))
    }
}
