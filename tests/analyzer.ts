// The analyzer driver lives in sdk/plan (the plan command ships it); tests import it from here.
export * from "../sdk/plan/analyze";
