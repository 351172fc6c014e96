package tui

import "github.com/charmbracelet/bubbles/key"

// formKeys are the keys the review handles around the form; huh handles
// the rest and shows them under each page.
type formKeys struct {
	Back  key.Binding
	Abort key.Binding
}

func newFormKeys() formKeys {
	return formKeys{
		Back:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Abort: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
	}
}

// resultKeys are the keys of the result view; they make its help bar.
type resultKeys struct {
	Next     key.Binding
	Prev     key.Binding
	Pane     key.Binding
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Top      key.Binding
	Bottom   key.Binding
	Edit     key.Binding
	Write    key.Binding
	Record   key.Binding
	Save     key.Binding
	Help     key.Binding
	Quit     key.Binding
}

func newResultKeys() resultKeys {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return resultKeys{
		Next:     b("tab/→", "pane", "tab", "right", "l"),
		Prev:     b("shift+tab/←", "previous pane", "shift+tab", "left", "h"),
		Pane:     b("1-5", "go to pane", "1", "2", "3", "4", "5"),
		Up:       b("↑/k", "scroll up", "up", "k"),
		Down:     b("↑↓", "scroll", "down", "j"),
		PageUp:   b("pgup/b", "page up", "pgup", "b"),
		PageDown: b("pgdn/space", "page down", "pgdown", " ", "f"),
		Top:      b("home/g", "top", "home", "g"),
		Bottom:   b("end/G", "bottom", "end", "G"),
		Edit:     b("e", "edit", "e"),
		Write:    b("w", "write", "w"),
		Record:   b("a", "record", "a"),
		Save:     b("s", "save", "s"),
		Help:     b("?", "keys", "?"),
		Quit:     b("q", "quit", "q"),
	}
}

// ShortHelp lists the keys of the help bar.
func (k resultKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Next, k.Down, k.Edit, k.Write, k.Record, k.Save, k.Quit, k.Help}
}

// FullHelp lists every key, in columns, each with a longer description.
func (k resultKeys) FullHelp() [][]key.Binding {
	long := func(b key.Binding, keys, desc string) key.Binding {
		b.SetHelp(keys, desc)
		return b
	}
	return [][]key.Binding{
		{k.Next, k.Prev, k.Pane},
		{k.Up, long(k.Down, "↓/j", "scroll down"), k.PageUp, k.PageDown, k.Top, k.Bottom},
		{long(k.Edit, "e", "edit answers"), long(k.Write, "w", "write report folder"),
			long(k.Record, "a", "export decision record"), long(k.Save, "s", "save answers")},
		{long(k.Help, "?", "fewer keys"), k.Quit},
	}
}
