// The analyzer driver lives in plan/command (the plan command ships it); tests import it from here.
export * from "../plan/command/analyze";
