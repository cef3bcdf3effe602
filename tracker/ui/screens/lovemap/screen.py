"""Love maps: a round of five questions, each answered about yourself and guessed about
your partner, shown side by side once both are in. Opened with m on Today or from the
palette; escape goes back."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from tracker.domain.lovemap.model import Verdict
from tracker.domain.lovemap.views import ItemView, RoundView
from tracker.store import lovemap as store
from tracker.store.couple import Change
from tracker.ui.screens.base import RekindleScreen
from tracker.ui.screens.dialog_base import ConfirmDialog
from tracker.ui.screens.lovemap.dialog import Draft, answer_dialog
from tracker.ui.screens.lovemap.view import (
    HOW_IT_SHOWS,
    INTRO,
    KEYS_HINT,
    PRIVACY,
    START,
    VERDICT_WORDS,
    item_text,
    question_text,
    round_line,
)
from tracker.ui.styles import sheet
from tracker.ui.widgets.literal import one_line, wrapped
from tracker.ui.widgets.nav import NavBar


class LoveMapScreen(RekindleScreen):
    CSS_PATH = sheet("lovemap.tcss")
    BINDINGS = [
        Binding("escape,backspace", "app.pop_screen", "Back", id="lovemap.back"),
        Binding("s", "start", "New round", id="lovemap.start"),
        Binding("h", "hide", "Hide question", id="lovemap.hide"),
        # Named beside the guess they mark, so the footer stays short at 80 columns.
        Binding("r", "mark('right')", "Guess right", show=False, id="lovemap.right"),
        Binding("c", "mark('close')", "Guess close", show=False, id="lovemap.close"),
        Binding("w", "mark('wrong')", "Guess wrong", show=False, id="lovemap.wrong"),
        Binding("left_square_bracket", "round(1)", "Earlier round", show=False, id="lovemap.back1"),
        Binding("right_square_bracket", "round(-1)", "Later round", show=False, id="lovemap.on1"),
    ]
    HELP_EXTRA = [Binding("enter", "", "Your answer and guess"), Binding("up,down", "", "Move")]

    def __init__(self) -> None:
        super().__init__(id="lovemap")
        self.rounds: list[RoundView] = []
        self.back = 0  # which round is shown: 0 the latest, 1 the one before, …

    def compose(self) -> ComposeResult:
        yield Header()
        yield NavBar("today")
        # The round and the score stay in view; the questions scroll under them.
        with Vertical(id="lovemap-top"):
            yield Static(id="round-line")
            yield Static(id="score", classes="hint")
        with VerticalScroll(id="intro-box"):  # before the first round
            yield Static(id="intro")
            yield Static(id="privacy", classes="hint")
        yield OptionList(id="questions")
        yield Static(id="keys-hint", classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Love maps"
        self.refresh_data()
        self.query_one("#questions", OptionList).focus()

    def on_screen_resume(self) -> None:
        # Back from another screen of the row: what Sam wrote meanwhile shows now.
        self.refresh_data()

    @property
    def partner(self) -> str:
        return one_line(self.couple.name_of(self.couple.partner_key), 20)

    @property
    def shown(self) -> RoundView | None:
        return self.rounds[self.back] if self.rounds else None

    # -- drawing -------------------------------------------------------------

    def refresh_data(self) -> None:
        self.rounds = store.rounds(self.couple)
        self.back = min(self.back, max(len(self.rounds) - 1, 0))
        partner, shown = self.partner, self.shown
        self.query_one("#intro-box").display = shown is None
        intro = f"{INTRO.format(partner=partner)}\n\n{HOW_IT_SHOWS}\n\n{START}"
        self.query_one("#intro", Static).update(wrapped(intro))
        self.query_one("#privacy", Static).update(wrapped(PRIVACY.format(partner=partner)))
        score = self.query_one("#score", Static)
        score.display = shown is not None
        score.update(store.score(self.couple).words())
        self.query_one("#keys-hint", Static).update(wrapped(KEYS_HINT.format(partner=partner)))
        self.query_one("#keys-hint").display = shown is not None
        line = self.query_one("#round-line", Static)
        line.display = shown is not None
        questions = self.query_one("#questions", OptionList)
        questions.display = shown is not None
        if shown is None:
            return
        line.update(round_line(shown, self.rounds[0].n))
        keep = questions.highlighted or 0
        questions.clear_options()
        options: list[Option | None] = []
        for number, item in enumerate(shown.items, start=1):
            if number > 1:
                options.append(None)  # a line between questions
            options.append(Option(item_text(number, item, partner), id=item.key))
        questions.add_options(options)
        if shown.items:
            questions.highlighted = min(keep, len(shown.items) - 1)

    # -- acting ----------------------------------------------------------------

    def _current(self) -> tuple[RoundView, ItemView] | None:
        shown = self.shown
        index = self.query_one("#questions", OptionList).highlighted
        if shown is None or index is None or not 0 <= index < len(shown.items):
            self.notify("There's no round yet: s starts one.", severity="information")
            return None
        return shown, shown.items[index]

    @on(OptionList.OptionSelected, "#questions")
    def _write(self) -> None:
        found = self._current()
        if found is None:
            return
        shown, item = found
        dialog = answer_dialog(item, self.partner)
        if dialog is None:
            self.notify(
                f"Both ways are side by side now, so they stay as they were said. "
                f"r, c or w marks {self.partner}'s guess about you.",
                severity="information",
            )
            return
        self.app.push_screen(dialog, lambda draft: self._save(shown.n, item, draft))

    def _save(self, n: int, item: ItemView, draft: Draft | None) -> None:
        if draft is None:
            return
        couple, key = self.couple, item.key

        def save() -> list[Change]:
            changes = []
            if draft.answer is not None:
                changes.append(store.answer(couple, n, key, draft.answer))
            if draft.guess is not None:
                changes.append(store.guess(couple, n, key, draft.guess))
            return changes

        # What Sam had already written meets what was just saved: side by side at once.
        meets = (draft.answer is not None and item.they_guessed) or (
            draft.guess is not None and item.they_answered
        )
        later = f"{self.partner} sees it once you've both answered."
        self.write(save, "Saved: side by side now." if meets else f"Saved. {later}")

    def action_mark(self, verdict: str) -> None:
        found = self._current()
        if found is None:
            return
        shown, item = found
        chosen = Verdict(verdict)
        said = f"You marked {self.partner}'s guess {VERDICT_WORDS[chosen]}. u undoes it."
        self.write(lambda: store.mark(self.couple, shown.n, item.key, chosen), said)

    def action_start(self) -> None:
        today = self.rekindle.today()
        if self.write(
            lambda: store.start_round(self.couple, today), "A new round: five questions."
        ):
            self.back = 0
            self.refresh_data()

    def action_round(self, step: int) -> None:
        target = self.back + step
        if not 0 <= target < len(self.rounds):
            where = "the first" if step > 0 else "the latest"
            self.notify(f"This is {where} round.", severity="information")
            return
        self.back = target
        self.query_one("#questions", OptionList).highlighted = 0
        self.refresh_data()

    def action_hide(self) -> None:
        found = self._current()
        if found is None:
            return
        _, item = found
        question = one_line(question_text(item), 60)

        def answered(yes: bool | None) -> None:
            if yes:
                self.write(
                    lambda: store.hide(self.couple, item.key),
                    "Hidden: it won't come up in a new round. u undoes it.",
                )

        self.app.push_screen(
            ConfirmDialog(
                f"Hide “{question}”? It won't come up in a new round for either of you; "
                "anything already written on it is kept.",
                "Hide",
                "Keep it",
            ),
            answered,
        )
