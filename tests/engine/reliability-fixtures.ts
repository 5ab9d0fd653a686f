// What the reliability tests share: the two consumers (TypeScript, and YAML through the component provider), and the
// harness each case runs in.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { TOPOLOGY as T, startingAccount } from "../../plan/aws";
import { CLOUDCONTROL_RESOURCE, SECURITY_GROUP, VPC_ENDPOINT } from "../../plan/provider";
import { REPO, Request, Workspace, addProvider, urnName } from "./harness";

export const STACK = "test";
export const CONNECTION = CLOUDCONTROL_RESOURCE;
export const CHILDREN = [SECURITY_GROUP, VPC_ENDPOINT, CONNECTION];
export const COMPONENT = "apprunner-private:index:PrivateEndpoint";
export const faults = (...list: object[]) => ({ APPRUNNER_STANDIN_FAULTS: JSON.stringify(list) });
export const awsActions = (requests: Request[]) => requests.filter((r) => r.method === "AWS").map((r) => r.action!);
export const changesIn = (requests: Request[]) =>
    requests.filter((r) => ["Create", "Update", "Delete"].includes(r.method)).map((r) => `${r.method} ${urnName(r.urn!)}`);

export interface Consumer {
    language: string;
    /** Copies the program and readies it (links the library, or adds the component provider); returns its directory. */
    prepare(ws: Workspace): string;
    /** The program file to edit. */
    file: string;
}

export const CONSUMERS: Consumer[] = [
    {
        language: "TypeScript",
        file: "index.ts",
        prepare(ws) {
            const dir = ws.copyProject(path.join(REPO, "tests", "engine", "programs", "reliability-ts"), "ts", [
                "node_modules",
                "tsconfig.json",
            ]);
            fs.symlinkSync(path.join(REPO, "sdk"), path.join(dir, "sdk"));
            return dir;
        },
    },
    {
        language: "YAML, through the component provider",
        file: "Pulumi.yaml",
        prepare(ws) {
            const dir = ws.copyProject(path.join(REPO, "tests", "engine", "programs", "reliability-yaml"), "yaml");
            addProvider(ws, dir);
            return dir;
        },
    },
];

/**
 * A consumer's program on the real engine, one stack: its hooks registered in the calling describe (set up once, each
 * case from an empty stack and the starting account, destroyed after it and checked to leave nothing), and the commands
 * the cases run. Call it inside a describe.
 */
export function reliabilityHarness(consumer: Consumer) {
    const ws = new Workspace("reliability");
    let dir: string;
    let componentUrn: string;
    const pulumi = (...args: string[]) => ws.pulumi(dir, ...args, "--stack", STACK);
    const up = (env: NodeJS.ProcessEnv = {}) => ws.pulumiWith(env, dir, "up", "--stack", STACK, "--yes", "--skip-preview");
    const upFails = (env: NodeJS.ProcessEnv = {}) => {
        const r = ws.exec(dir, "pulumi", ["up", "--stack", STACK, "--yes", "--skip-preview", "--non-interactive"], env);
        assert.notEqual(r.code, 0, `pulumi up succeeded, expected a failure:\n${r.output}`);
        return r;
    };
    const noChanges = () => pulumi("preview", "--expect-no-changes");
    /** The stack's children of one type, from `pulumi stack export`. */
    const inState = (type: string) => ws.state(dir, STACK).filter((r) => r.type === type);
    /** What the stack holds against what the account holds (resources made by this stack, not the topology). */
    const stateAndAccount = () => {
        const state = ws
            .state(dir, STACK)
            .filter((r) => CHILDREN.includes(r.type))
            .map((r) => r.id)
            .sort();
        const account = ws
            .leftovers()
            .map((r) => r.id)
            .sort();
        return { state, account };
    };
    const assertStateMatchesAccount = () => {
        const { state, account } = stateAndAccount();
        assert.deepEqual(state, account);
    };
    const liveConnections = () => ws.connections();

    before(() => {
        dir = consumer.prepare(ws);
        ws.pulumi(dir, "stack", "init", STACK);
        ws.pulumi(dir, "config", "set", "--stack", STACK, "aws:region", "us-east-1");
        ws.pulumi(dir, "config", "set", "--stack", STACK, "serviceArn", T.apiServiceArn);
        ws.pulumi(dir, "config", "set", "--stack", STACK, "vpcId", T.vpcId);
        ws.pulumi(dir, "config", "set", "--stack", STACK, "--path", "subnetIds[0]", T.subnetA);
        ws.pulumi(dir, "config", "set", "--stack", STACK, "--path", "subnetIds[1]", T.subnetB);
    });
    beforeEach(() => {
        // Each case starts from an empty stack and the starting account.
        ws.seed(startingAccount());
        componentUrn = `urn:pulumi:${STACK}::reliability::${COMPONENT}::api`;
    });
    afterEach(function () {
        if (this.currentTest?.state !== "passed") {
            // A failed case leaves its stack as it was: start the next one from an empty stack, as from a fresh account.
            ws.pulumi(dir, "stack", "rm", "--stack", STACK, "--force", "--yes", "--preserve-config");
            ws.pulumi(dir, "stack", "init", STACK);
            return;
        }
        pulumi("destroy", "--yes", "--skip-preview");
        assert.deepEqual(ws.leftovers(), [], "destroy leaves nothing in the account");
    });
    after(() => ws.dispose());

    function setSubnets(ids: string[]) {
        ws.pulumi(dir, "config", "rm", "--stack", STACK, "subnetIds");
        ids.forEach((id, i) => ws.pulumi(dir, "config", "set", "--stack", STACK, "--path", `subnetIds[${i}]`, id));
    }
    return {
        ws,
        get dir() {
            return dir;
        },
        get componentUrn() {
            return componentUrn;
        },
        pulumi,
        up,
        upFails,
        noChanges,
        inState,
        assertStateMatchesAccount,
        liveConnections,
        setSubnets,
    };
}
