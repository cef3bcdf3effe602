"""Talks: when you next talk, this week's prompt, the log, the decks and the guide."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import DataTable, Footer, Header, OptionList, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option

from tracker.domain.content.prompts import Prompt, Theme
from tracker.domain.days import short_date
from tracker.domain.talks.log import LogEntry
from tracker.domain.talks.model import Meeting, meeting_state, next_meeting, to_list
from tracker.domain.talks.schedule import describe, local_in
from tracker.domain.text import visible
from tracker.store import talks
from tracker.ui.screens.ordered_keys import tab_row_settled
from tracker.ui.screens.talks.coach import guide_text
from tracker.ui.screens.talks.flows import TalkFlows
from tracker.ui.styles import sheet
from tracker.ui.widgets.literal import one_line
from tracker.ui.widgets.nav import NavBar
from tracker.ui.widgets.tap_table import TapTable

# Which keys mean something on which tab.
TAB_ACTIONS = {
    "coming": {"log", "skip", "move", "edit", "end"},
    "log": {"log", "follow_up"},
    "prompts": {"favourite", "hide", "own_prompt"},
    "guide": set(),
}
TAB_ORDER = ("coming", "log", "prompts", "guide")


class TalksScreen(TalkFlows):
    CSS_PATH = sheet("talks.tcss")
    BINDINGS = [
        Binding("a", "add", "Plan a talk", id="talks.add"),
        Binding("t", "talk_now", "Talk now", id="talks.now"),
        Binding("l", "log", "Log it", id="talks.log"),
        Binding("s", "skip", "Skip", id="talks.skip"),
        Binding("m", "move", "Move", show=False, id="talks.move"),
        Binding("e", "edit", "Edit time", show=False, id="talks.edit"),
        Binding("x", "end", "Stop repeating", show=False, id="talks.end"),
        Binding("o", "follow_up", "Follow up", id="talks.followup"),
        Binding("f", "favourite", "Favourite", show=False, id="talks.favourite"),
        Binding("h", "hide", "Hide", show=False, id="talks.hide"),
        Binding("n", "own_prompt", "Own prompt", id="talks.own"),
        Binding("r", "draw", "New prompt", show=False, id="talks.draw"),
        Binding("i", "i_statement", "I statement", show=False, id="talks.i"),
        # Tabs change as the key is read (priority), the cursor with them, so keys typed
        # straight after act on the new tab (screens/ordered_keys.py).
        Binding(
            "left_square_bracket",
            "tab(-1)",
            "Previous tab",
            show=False,
            id="talks.tab_back",
            priority=True,
        ),
        Binding(
            "right_square_bracket",
            "tab(1)",
            "Next tab",
            show=False,
            id="talks.tab_on",
            priority=True,
        ),
        Binding("j", "cursor('down')", "Down", show=False),
        Binding("k", "cursor('up')", "Up", show=False),
    ]
    HELP_EXTRA = [
        Binding("enter", "", "Log the talk, or use the prompt, under the cursor"),
        Binding("up,down", "", "Move"),
    ]

    def __init__(self) -> None:
        super().__init__(id="talks")
        self.listed: list[Meeting] = []
        self.entries: list[LogEntry] = []
        self.prompt_keys: list[str | None] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield NavBar("talks")
        with Vertical(id="talk-top"):
            yield Static(id="next")
            yield Static(id="week-prompt")
        with TabbedContent(id="talk-tabs", initial="coming"):
            with TabPane("Coming up", id="coming"):
                yield TapTable(id="coming-table", cursor_type="row", show_header=False)
                yield Static(id="coming-empty", classes="hint")
            with TabPane("Log", id="log"):
                yield TapTable(id="log-table", cursor_type="row", show_header=False)
                yield Static(id="log-detail")
            with TabPane("Prompts", id="prompts"):
                yield Static(
                    "Enter: this week's prompt. What either of you hides isn't drawn.",
                    classes="hint",
                )
                yield OptionList(id="prompt-list")
            with TabPane("State of us", id="guide"), VerticalScroll():
                yield Static(guide_text(), id="guide-text")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Talks"
        self.refresh_data()
        self.query_one("#coming-table", DataTable).focus()

    def on_screen_resume(self) -> None:
        self.refresh_data()

    # -- what's where ------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        tied = any(action in actions for actions in TAB_ACTIONS.values())
        if not tied or not self.is_mounted:
            return True
        return action in TAB_ACTIONS[self.tab]

    @on(TabbedContent.TabActivated)
    def _tab_changed(self) -> None:
        self.refresh_bindings()
        self._focus_tab()

    def _focus_tab(self) -> None:
        focus = {"coming": "#coming-table", "log": "#log-table", "prompts": "#prompt-list"}
        if self.tab in focus:
            self.set_focus(self.query_one(focus[self.tab]))

    async def action_tab(self, step: int) -> None:
        index = (TAB_ORDER.index(self.tab) + step) % len(TAB_ORDER)
        tabbed = self.query_one("#talk-tabs", TabbedContent)
        tabbed.active = TAB_ORDER[index]
        self._focus_tab()  # now, not behind keys already typed
        await tab_row_settled(tabbed)

    def action_cursor(self, direction: str) -> None:
        move = getattr(self.focused, f"action_cursor_{direction}", None)
        if callable(move):
            move()

    def current_meeting(self) -> Meeting | None:
        table = self.query_one("#coming-table", DataTable)
        if not self.listed or not 0 <= table.cursor_row < len(self.listed):
            return None
        return self.listed[table.cursor_row]

    def current_entry(self) -> LogEntry | None:
        table = self.query_one("#log-table", DataTable)
        if not self.entries or not 0 <= table.cursor_row < len(self.entries):
            return None
        return self.entries[table.cursor_row]

    def current_prompt_key(self) -> str | None:
        index = self.query_one("#prompt-list", OptionList).highlighted
        if index is None or not 0 <= index < len(self.prompt_keys):
            return None
        return self.prompt_keys[index]

    # -- drawing -------------------------------------------------------------------

    def refresh_data(self) -> None:
        couple = self.rekindle.couple
        if couple is None or not self.is_mounted:
            return
        now = self.rekindle.clock()
        found = talks.around(couple, now)
        self._draw_top(found, now)
        self._draw_coming(found, now)
        self._draw_log()
        self._draw_prompts()

    def _tz(self) -> str:
        couple = self.rekindle.couple
        assert couple is not None
        return couple.person(couple.me).tz

    def _draw_top(self, found: list[Meeting], now: datetime) -> None:
        couple = self.rekindle.couple
        assert couple is not None
        coming = next_meeting(found, now)
        text = Text()
        if coming is None:
            text.append("No time set aside to talk yet. ", style="bold")
            text.append("Press a to plan one; the same evening each week works well.")
        else:
            slot = coming.slot
            text.append("Next talk: ", style="bold").append(one_line(slot.title, 40))
            text.append(f" · {meeting_state(coming, now, self._tz())}", style="bold")
            text.append(f"\n{describe(slot.rule, slot.start, slot.tz, slot.minutes)}", style="dim")
        self.query_one("#next", Static).update(text)
        prompt = talks.week_prompt(couple, self.rekindle.today())
        line = Text().append("This week's prompt: ", style="bold")
        if prompt is None:
            line.append("none drawn yet. Press r for one.", style="dim")
        else:
            line.append(f"“{one_line(prompt.text, 400)}”")
            line.append(f"  {prompt.theme.label} · {prompt.depth.label}", style="dim")
        self.query_one("#week-prompt", Static).update(line)

    def _draw_coming(self, found: list[Meeting], now: datetime) -> None:
        table = self.query_one("#coming-table", DataTable)
        keep = table.cursor_row
        self.listed = to_list(found, now)
        table.clear(columns=True)
        table.add_columns("When", "Talk", "")
        tz = self._tz()
        today = self.rekindle.today()
        for meeting in self.listed:
            local = local_in(meeting.start, tz)
            state = meeting_state(meeting, now, tz, short=True)
            style = "dim" if state == "skipped" else ""
            table.add_row(
                Text(f"{short_date(local.date(), today, pad=True)} {local:%H:%M}", style=style),
                Text(one_line(meeting.slot.title, 28), style=style),
                Text(state, style="italic " + style),
            )
        if self.listed:
            table.move_cursor(row=min(keep, len(self.listed) - 1), animate=False)
        empty = self.query_one("#coming-empty", Static)
        empty.display = not self.listed
        empty.update("Nothing planned. Press a to set aside a time to talk.")

    def _draw_log(self) -> None:
        couple = self.rekindle.couple
        assert couple is not None
        table = self.query_one("#log-table", DataTable)
        keep = table.cursor_row
        self.entries = talks.log(couple)
        table.clear(columns=True)
        table.add_columns("When", "Talk", "What about")
        today = self.rekindle.today()
        for entry in self.entries:
            skipped = entry.occurrence.status.value == "skipped"
            topic = "skipped" if skipped else (entry.first("topic", couple.me) or "—")
            table.add_row(
                Text(short_date(entry.when.date(), today, pad=True)),
                Text(one_line(entry.title, 24)),
                Text(one_line(topic, 40), style="dim" if skipped else ""),
            )
        if self.entries:
            table.move_cursor(row=min(keep, len(self.entries) - 1), animate=False)
        self._draw_entry()

    @on(DataTable.RowHighlighted, "#log-table")
    def _draw_entry(self) -> None:
        couple = self.rekindle.couple
        detail = self.query_one("#log-detail", Static)
        entry = self.current_entry()
        if couple is None or entry is None:
            detail.update(Text("Talks you log show here, with what each of you heard.", "dim"))
            return
        text = Text()
        prompt = talks.prompt_by_key(couple, entry.first("prompt", couple.me))
        if prompt is not None:
            text.append("Prompt: ", style="bold").append(f"{prompt.text}\n")
        people = [p for p in (couple.me, couple.partner_key) if p in entry.notes]
        for person in people:
            if entry.notes[person].heard:
                text.append(f"{one_line(couple.name_of(person), 20)} heard: ", style="bold")
                text.append(f"{entry.notes[person].heard}\n")
        agreed = list(dict.fromkeys(entry.notes[p].agreed for p in people if entry.notes[p].agreed))
        for words in agreed:
            text.append("We agreed: ", style="bold").append(f"{words}\n")
        for followup in entry.followups:
            done = (
                "  (now a promise)"
                if followup.became.startswith("promise:")
                else ("  (now a habit)" if followup.became else "")
            )
            text.append(f"→ {followup.text}").append(f"{done}\n", style="dim")
        detail.update(_safe(text))

    def _draw_prompts(self) -> None:
        couple = self.rekindle.couple
        assert couple is not None
        prefs = talks.prefs(couple)
        mine, theirs = prefs[couple.me], prefs[couple.partner_key]
        partner = one_line(couple.name_of(couple.partner_key), 16)
        everything = talks.all_prompts(couple)

        def option(prompt: Prompt, key_id: str) -> Option:
            pref = mine.get(prompt.key)
            line = Text("★ " if pref and pref.favourite else "  ")
            line.append(f"{prompt.text}", style="dim" if pref and pref.hidden else "")
            if prompt.key.startswith("own-prompt:"):
                line.append("  ✎ yours", style="italic")
            line.append(f"  {prompt.depth.label.lower()}", style="dim")
            if pref and pref.hidden:
                line.append("  hidden", style="italic")
            elif theirs.get(prompt.key, None) and theirs[prompt.key].hidden:
                line.append(f"  hidden by {partner}", style="italic")
            return Option(_safe(line), id=key_id)

        options: list[Option] = []
        keys: list[str | None] = []
        favourites = [p for p in everything if mine.get(p.key) and mine[p.key].favourite]
        groups: list[tuple[str, list[Prompt]]] = (
            [("Your favourites", favourites)] if favourites else []
        )
        groups += [(t.label, [p for p in everything if p.theme is t]) for t in Theme]
        for title, prompts in groups:
            options.append(Option(Text(title, style="bold"), disabled=True))
            keys.append(None)
            for prompt in prompts:
                fav = title == "Your favourites"
                options.append(option(prompt, f"{'fav|' if fav else ''}{prompt.key}"))
                keys.append(prompt.key)
        listing = self.query_one("#prompt-list", OptionList)
        index = listing.highlighted
        keep = listing.get_option_at_index(index).id if index is not None else None
        listing.clear_options()
        listing.add_options(options)
        self.prompt_keys = keys
        ids = [o.id for o in options]
        # The same prompt stays under the cursor, even when the favourites above it change.
        for wanted in (keep, (keep or "").removeprefix("fav|")):
            if wanted and wanted in ids:
                listing.highlighted = ids.index(wanted)
                break
        else:
            listing.highlighted = 1 if len(options) > 1 else None

    # -- enter -----------------------------------------------------------------

    @on(DataTable.RowSelected, "#coming-table")
    @on(DataTable.RowSelected, "#log-table")
    def _enter_logs(self) -> None:
        self.action_log()

    @on(OptionList.OptionSelected, "#prompt-list")
    def _enter_uses_prompt(self) -> None:
        key = self.current_prompt_key()
        if key is not None:
            self.use_prompt(key)


def _safe(text: Text) -> Text:
    """Text built with append is never read as markup; this also shows control characters
    as symbols (one character each, so the styles stay where they were)."""
    return Text(visible(text.plain), spans=list(text.spans), end="")
