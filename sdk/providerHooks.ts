// What the component provider (the repository's provider/ folder) uses to serve the components to other languages, at
// `@apprunner-private/apprunner-private/provider`. Not for programs: a program uses the components themselves.
export { answerRefusalsInConstruct, refusalOf } from "./endpoint";
export { describeFailure, isRefusal, isSdkFailure } from "./errors";
export { useDeployment } from "./scope";
