package audit

import "strings"

// What makes an operation sensitive, from the words of its path (outside
// parameters) and of its operationId: the groups VOCABULARY's
// sensitive_operations answer names.
const (
	kindDelete     = "deletion"
	kindPayment    = "payment"
	kindCredential = "credential change"
	kindPrivilege  = "privilege change"
	kindExport     = "bulk export"
)

// sensitiveWords maps words to the kind of sensitive operation they mark.
func sensitiveWords() map[string]string {
	m := map[string]string{}
	add := func(kind string, ws ...string) {
		for _, w := range ws {
			m[w] = kind
		}
	}
	add(kindPayment, "pay", "payment", "payments", "payout", "payouts", "charge",
		"charges", "refund", "refunds", "transfer", "transfers", "checkout", "purchase",
		"purchases", "billing", "withdraw", "withdrawal", "withdrawals")
	add(kindCredential, "password", "passwords", "passwd", "credential", "credentials",
		"secret", "secrets", "token", "tokens", "key", "keys", "mfa", "otp", "totp", "2fa")
	add(kindPrivilege, "role", "roles", "permission", "permissions", "admin", "admins",
		"administrator", "privilege", "privileges", "member", "members", "membership",
		"memberships", "collaborator", "collaborators", "owner", "owners", "grant", "grants")
	add(kindExport, "export", "exports", "bulk", "dump", "backup", "backups")
	return m
}

// sensitiveKind says why an operation is sensitive, or "" when it is not:
// deletes and writes that touch payments, credentials or privileges, and
// bulk exports whatever their method.
func sensitiveKind(op *Operation, table map[string]string) string {
	var ws []string
	for _, seg := range strings.Split(op.Path, "/") {
		if !strings.HasPrefix(seg, "{") {
			ws = append(ws, words(seg)...)
		}
	}
	ws = append(ws, words(op.ID)...)
	found := map[string]bool{}
	change, identity := false, false
	for _, w := range ws {
		if k := table[w]; k != "" {
			found[k] = true
		}
		switch w {
		case "change", "update", "reset", "set":
			change = true
		case "email", "phone", "username", "login":
			identity = true
		}
	}
	// Changing the email or phone an account recovers with is a
	// credential change too.
	found[kindCredential] = found[kindCredential] || (change && identity)
	switch {
	case found[kindExport]:
		return kindExport
	case safeMethod(op.Method):
		return ""
	case op.Method == "delete":
		return kindDelete
	}
	for _, k := range []string{kindPayment, kindCredential, kindPrivilege} {
		if found[k] {
			return k
		}
	}
	return ""
}
