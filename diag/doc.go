// Package diag is iameval's one positioned diagnostic: a [Position] in a
// source file, an [Error] at a position, and an [ErrorList] of them, in the
// manner of go/token.Position and go/scanner.ErrorList.
//
// Every loader of the module reports its problems this way: package policy
// for policy documents, scenario for scenario files, simulate for the
// policy simulator's input, account for account exports, and lint for its
// findings' positions. Each of those packages declares the kinds of
// problem it reports (policy.ErrUnknownElement, scenario.ErrUnknownKey,
// ...); an Error wraps its kind, so errors.Is finds the kind on an Error
// and on an ErrorList:
//
//	_, err := policy.Parse(src, policy.Source{File: "p.json"})
//	if errors.Is(err, policy.ErrUnknownElement) { ... }
//	var list diag.ErrorList
//	if errors.As(err, &list) {
//		for _, e := range list {
//			fmt.Println(e) // p.json:3:5: Statement[0].Efect: unknown element ...
//		}
//	}
//
// A warning is an Error whose kind is marked by [AsWarning]: AWS accepts
// what it points at, but it is probably not what the author meant.
//
// A loader keeps at most [MaxErrors] problems of one document ([Limit]
// counts them) and ends a longer list with one of kind [ErrTooMany]
// ([TooMany]) that says how many were left out; [Cut] bounds a list
// merged from limited ones.
//
// diag imports nothing but the standard library, so that every package of
// the module, from the lowest up, can use it.
package diag
