// Pure validators for the components' arguments. Each returns the problems it finds as complete messages
// (argument in backticks, the rule, what it got, the fix); an empty list means valid. The components call them on
// values known at construction and again on values that resolve later, so one text serves both paths. Every
// validator takes `secret`: a secret input is never echoed, nor anything derived from it; `[secret]` stands in.
export * from "./echo";
export * from "./arguments";
export * from "./placement";
export * from "./adoption";
