package audit

import "bytes"

// Lines that continue what an earlier line left open are never the start
// of an entry, whatever their indentation: the rest of a quoted scalar
// (which the YAML parser accepts at any indentation), the inside of a flow
// collection written over several lines, and the content of a block
// scalar. One pass over the file marks them.

// openState is what the lines so far leave open.
type openState struct {
	// quote is the quote character of an unfinished quoted scalar.
	quote byte
	// flow is the depth of unclosed [ and {.
	flow int
	// block is the indentation of the line that started a block scalar,
	// or -1.
	block int
	// alias is set once an alias (`*name`) has been seen where a node
	// starts.
	alias bool
}

// next reports whether line l continues what earlier lines left open,
// and follows what it opens or closes in turn.
func (st *openState) next(l []byte) bool {
	ind, rest := indentOf(l)
	if st.block >= 0 {
		if isBlank(rest) || ind > st.block {
			return true
		}
		st.block = -1
	}
	cont := st.quote != 0 || st.flow > 0
	st.scan(l, ind)
	return cont
}

func isBlank(rest []byte) bool {
	for _, c := range rest {
		if c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}

// scan follows one line's quotes, brackets and block scalar indicators.
func (st *openState) scan(l []byte, ind int) {
	if st.quote == 0 && st.flow == 0 && bytes.IndexAny(l[ind:], "\"'[]{}|>*") < 0 {
		return // nothing on the line can open anything
	}
	i := ind
	if st.quote != 0 {
		i = st.skipQuoted(l, 0)
	}
	start := st.quote == 0 && i == ind
	for i < len(l) && st.quote == 0 {
		c := l[i]
		switch {
		case c == ' ' || c == '\t':
		case c == '#' && (i == 0 || l[i-1] == ' ' || l[i-1] == '\t'):
			return
		case start && (c == '"' || c == '\''):
			st.quote = c
			i = st.skipQuoted(l, i+1)
			start = false
			continue
		case start && c == '*':
			st.alias = true
			start = false
		case start && (c == '|' || c == '>') && st.flow == 0:
			st.block = ind
			return
		case (c == '[' || c == '{') && (start || st.flow > 0):
			// Outside flow collections, a bracket opens one only where a
			// node starts; elsewhere it is part of a plain scalar.
			st.flow++
			start = true
		case c == ']' || c == '}':
			if st.flow > 0 {
				st.flow--
			}
			start = false
		case c == ',' && st.flow > 0:
			start = true
		case c == ':' && indicator(l, i, st.flow):
			start = true
		case (c == '-' || c == '?') && start && indicator(l, i, 0):
			// A sequence entry or an explicit key: a node may follow.
		default:
			start = false
		}
		i++
	}
}

// indicator reports whether the character at i is followed by a space or
// the end of the line (or, in flow context, by a flow delimiter), which
// makes ":", "-" and "?" indicators rather than text.
func indicator(l []byte, i, flow int) bool {
	if i+1 >= len(l) || l[i+1] == ' ' || l[i+1] == '\t' {
		return true
	}
	return flow > 0 && (l[i+1] == ',' || l[i+1] == ']' || l[i+1] == '}')
}

// skipQuoted returns the offset after the quote that closes the current
// quoted scalar, clearing st.quote, or the end of the line when it stays
// open.
func (st *openState) skipQuoted(l []byte, i int) int {
	for i < len(l) {
		switch {
		case st.quote == '"' && l[i] == '\\':
			i += 2
			continue
		case l[i] == st.quote && st.quote == '\'' && i+1 < len(l) && l[i+1] == '\'':
			i += 2
			continue
		case l[i] == st.quote:
			st.quote = 0
			return i + 1
		}
		i++
	}
	return len(l)
}
