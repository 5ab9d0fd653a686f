// The plugin's entry. The engine starts it as `node <@pulumi/pulumi>/cmd/run-plugin <this directory> <engine>`;
// it exports no component class, so the Node.js host runs it as a program instead of analysing TypeScript.
import * as pulumi from "@pulumi/pulumi";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { answerRefusalsInConstruct } from "@apprunner-private/apprunner-private/provider";
import { AppRunnerPrivateProvider, answerChildFailuresInTheirConstruct } from "./provider";

answerRefusalsInConstruct();
const schema = readFileSync(path.join(__dirname, "..", "..", "schema.json"), "utf8");
pulumi.provider.main(new AppRunnerPrivateProvider(schema), process.argv.slice(2)).catch((e) => {
    console.error(e);
    process.exit(1);
});
answerChildFailuresInTheirConstruct();
// Stacks as V8 writes them (bin/*.js positions), not source-mapped: the SDK takes a stack for every resource (its
// source position) and every internal promise, and the source-map-support it installs (in run-plugin and `main`,
// above) mapped each of them, ~130 ms of the first Construct (`npm run bench:provider`; DESIGN-NOTES.md).
delete (Error as { prepareStackTrace?: unknown }).prepareStackTrace;
