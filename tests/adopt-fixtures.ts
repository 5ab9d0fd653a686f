// What the adoption tests share: accounts as the console and AWS Copilot leave them, and how a refusal or a warning is seen.
import * as pulumi from "@pulumi/pulumi";
import * as assert from "node:assert/strict";
import { Call, createEndpoint } from "../plan/standin/changes";
import { AwsMocks, AwsMocksOptions, Registration, TOPOLOGY as T, valueOf } from "./mocks";

export const SG_TYPE = "aws:ec2/securityGroup:SecurityGroup";
/** The warning an adopted connection gets until `apprunner-private import-connections` has brought it into the stack. */
export const notImportedYet = (arn: string) =>
    `The VPC ingress connection ${arn} is adopted, and stays as it is, but this stack does not manage it yet: Pulumi's \`import\` ` +
    "cannot bring a Cloud Control resource in. Run `apprunner-private import-connections` (the @apprunner-private/plan package) for " +
    'this stack, then `pulumi up` (README, "Adopting existing resources").';
export const SECTION = 'README.md, "Adopting existing resources"';
/** A well-formed connection ARN that AWS does not have. */
export const MISSING_CONNECTION =
    "arn:aws:apprunner:us-east-1:123456789012:vpcingressconnection/gone-connection/0123456789abcdef0123456789abcdef";

/** Mocks with an account as the console leaves it: an endpoint (private DNS on) with its group, and a connection of api-service. */
export function consoleAccount(options: AwsMocksOptions = {}) {
    const mocks = new AwsMocks(options).install();
    const call: Call = (service, action, params) => mocks.aws.call(service, action, params, "us-east-1");
    const made = createEndpoint(call, "us-east-1", T.vpcId, [T.subnetA, T.subnetB], {
        groupName: "made-in-console",
        privateDns: true,
        tags: [{ Key: "Name", Value: "console" }],
    });
    const { VpcIngressConnection: c } = call("apprunner", "CreateVpcIngressConnection", {
        ServiceArn: T.apiServiceArn,
        VpcIngressConnectionName: "console-api",
        IngressVpcConfiguration: { VpcId: T.vpcId, VpcEndpointId: made.vpcEndpointId },
        Tags: [{ Key: "owner", Value: "console" }],
    });
    return {
        mocks,
        call,
        endpointId: made.vpcEndpointId,
        groupId: made.securityGroupId,
        connectionArn: c.VpcIngressConnectionArn as string,
        domainName: c.DomainName as string,
    };
}

/** The warnings logged while `run` runs. */
export async function capturingWarnings(run: () => Promise<void>): Promise<string[]> {
    const warnings: string[] = [];
    const warn = pulumi.log.warn;
    (pulumi.log as any).warn = (msg: string) => void warnings.push(msg);
    try {
        await run();
    } finally {
        (pulumi.log as any).warn = warn;
    }
    return warnings;
}

/** Constructing throws a ResourceError with exactly this message, and no child is registered. */
export async function refusedNow(make: () => unknown, message: string, mocks = new AwsMocks().install()) {
    assert.throws(make, (e: any) => {
        assert.ok(pulumi.ResourceError.isInstance(e), "a ResourceError, so the CLI points at the component");
        assert.equal(e.message, message);
        return true;
    });
    await mocks.settle();
    assert.deepEqual(mocks.custom(), [], "no child registered");
}

/** The output rejects with exactly this message once the lookups answer, and nothing is registered, nor imported. */
/** The options and inputs a child was registered with, as the engine got them. */
export const seen = (r: Registration) => ({ importId: r.importId, ignoreChanges: r.ignoreChanges, inputs: r.inputs });

export async function settled(mocks: AwsMocks, ...outputs: pulumi.Output<unknown>[]) {
    await Promise.all(outputs.map((o) => valueOf(o)));
    await mocks.settle();
}
