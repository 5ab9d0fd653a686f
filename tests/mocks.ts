// The AWS-faithful mocks live in plan/ (the plan command ships them); tests import them from here.
export * from "../plan/mocks";
