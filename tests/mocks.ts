// The AWS-faithful mocks live in sdk/testing (the plan command ships them); tests import them from here.
export * from "../sdk/testing/mocks";
