"""How the chat page looks and behaves in the browser: its style sheet, the script that opens
a cited passage when its [n] is clicked, and a theme that loads nothing from the internet."""

from __future__ import annotations

from typing import Any

CSS = """
.answer, .refusal { line-height: 1.5; }
.refusal { background: var(--color-accent-soft); color: var(--body-text-color);
  border-left: 4px solid var(--color-accent); padding: 6px 10px; border-radius: 4px; }
.refusal-tag { font-weight: 600; color: var(--body-text-color); margin-right: 4px; }
a.cite { font-weight: 600; text-decoration: none; padding: 0 1px; cursor: pointer; }
.sources { margin-top: 10px; border-top: 1px solid var(--border-color-primary); padding-top: 6px; font-size: 0.92em; }
.sources-title { font-weight: 600; margin-bottom: 4px; }
.card { margin: 6px 0; padding: 4px 8px; border: 1px solid var(--border-color-primary); border-radius: 6px; }
.card .meta { color: var(--body-text-color-subdued); margin: 2px 0 4px 0; }
details.source { margin: 3px 0; }
details.source .op { color: var(--body-text-color-subdued); font-size: 0.85em; }
details.source > summary { cursor: pointer; }
details.source:not(.cited) > summary { color: var(--body-text-color-subdued); }
blockquote.passage { margin: 4px 0 8px 0; padding: 6px 10px; border-left: 3px solid var(--border-color-accent);
  background: var(--background-fill-secondary); color: var(--body-text-color); }
blockquote.passage mark { background: #ffe58f; color: #1f1f1f; }
details.flash { outline: 2px solid var(--color-accent); }
.error { color: var(--error-text-color); }
.note { color: var(--body-text-color-subdued); font-size: 0.9em; margin-top: 6px; }
.note.writing { font-style: italic; }
@media (max-width: 640px) {
  .gradio-container { padding: 4px !important; }
  #chat { height: 55vh !important; }
}
"""

HEAD = """<script>
document.addEventListener('click', function (e) {
  var a = e.target.closest ? e.target.closest('a.cite') : null;
  if (!a) return;
  e.preventDefault();
  var id = a.getAttribute('data-target') || (a.getAttribute('href') || '').slice(1);
  var d = document.getElementById(id);
  if (!d) return;
  d.open = true;
  d.classList.add('flash');
  setTimeout(function () { d.classList.remove('flash'); }, 1500);
  d.scrollIntoView({block: 'nearest'});
});
</script>"""


def theme() -> Any:
    """A theme with system fonts only, so the page loads nothing from the internet."""
    import gradio as gr

    return gr.themes.Soft(
        font=["system-ui", "Segoe UI", "Helvetica", "Arial", "sans-serif"],
        font_mono=["ui-monospace", "Consolas", "monospace"],
    )
