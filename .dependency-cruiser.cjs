// Import rules (issue #25, item 3), checked by `npm run lint`: which folder may import which, and no cycles.
// https://github.com/sverweij/dependency-cruiser/blob/main/doc/rules-reference.md
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
    forbidden: [
        {
            name: "no-circular",
            severity: "error",
            comment: "No module depends on itself through others: a cycle makes load order, and so behaviour, depend on who imports first.",
            from: {},
            to: { circular: true },
        },
        {
            name: "component-imports-no-tooling",
            severity: "error",
            comment: "The component (sdk/) ships alone: it imports nothing of the tools, the provider or the tests.",
            from: { path: "^sdk/" },
            to: { path: "^(plan|policy|provider|tests|program|examples)/" },
        },
        {
            name: "aws-model-is-independent",
            severity: "error",
            comment: "The model of AWS (plan/aws/) is an oracle written from AWS's references: it never imports the component.",
            from: { path: "^plan/aws/" },
            to: { path: "^(sdk|policy|provider)/" },
        },
        {
            name: "provider-copy-is-independent",
            severity: "error",
            comment: "The copy of the AWS provider (plan/provider/) does what the released provider does, not what the component expects.",
            from: { path: "^plan/provider/" },
            to: { path: "^(sdk|policy|provider)/" },
        },
        {
            name: "tools-import-the-component-by-name",
            severity: "error",
            comment:
                "The plan, the policy and the provider use the component as its users do: by package name, through its " +
                "declared exports (@apprunner-private/apprunner-private, /aws, /provider), never by a path into sdk/.",
            from: { path: "^(plan|policy|provider)/" },
            to: { path: "^sdk/", dependencyTypesNot: ["aliased-tsconfig-paths"] },
        },
        {
            name: "tools-import-no-tests",
            severity: "error",
            comment: "What ships (sdk/, policy/, plan/, provider/) imports nothing of the tests.",
            from: { path: "^(sdk|policy|plan|provider)/" },
            to: { path: "^tests/" },
        },
    ],
    options: {
        doNotFollow: { path: "node_modules" },
        exclude: { path: "(^|/)(bin|node_modules)/|^tests/engine/programs/|^examples/" },
        tsPreCompilationDeps: true,
        tsConfig: { fileName: "tsconfig.json" },
    },
};
