// What the refusal tests share: a base of valid arguments, and how a refusal is seen (now, or once values resolve).
import * as pulumi from "@pulumi/pulumi";
import * as assert from "node:assert/strict";
import { PrivateEndpoint, PrivateEndpointArgs } from "../sdk/index";
import { AwsMocks, TOPOLOGY as T, valueOf } from "./mocks";

/** The warnings logged against a PrivateEndpoint while `run` runs. */
export async function capturingWarnings(run: () => Promise<void>): Promise<string[]> {
    const warnings: string[] = [];
    const warn = pulumi.log.warn;
    (pulumi.log as any).warn = (msg: string, res?: pulumi.Resource) => {
        assert.ok(res instanceof PrivateEndpoint);
        warnings.push(msg);
    };
    try {
        await run();
    } finally {
        (pulumi.log as any).warn = warn;
    }
    return warnings;
}

export const base: PrivateEndpointArgs = { serviceArn: T.apiServiceArn, vpcId: T.vpcId, subnetIds: [T.subnetA, T.subnetB] };

/** Constructing with these args throws a ResourceError with exactly this message, and registers no child. */
export async function refusedNow(args: Partial<PrivateEndpointArgs>, message: string) {
    const mocks = new AwsMocks().install();
    assert.throws(
        () => new PrivateEndpoint("api", args as PrivateEndpointArgs),
        (e: any) => {
            assert.ok(pulumi.ResourceError.isInstance(e), "a ResourceError, so the CLI points at the component");
            assert.equal(e.message, message);
            return true;
        },
    );
    await mocks.settle();
    assert.deepEqual(mocks.custom(), [], "no child registered");
}

/**
 * The output rejects with exactly this message once values resolve (or lookups answer). Pulumi prefixes the
 * property path to the error's message in place ("error serializing property ...") when the same error also fails
 * the component's registered outputs; that prefix is stripped here.
 */
export async function refusedLater(output: pulumi.Output<unknown>, message: string) {
    await assert.rejects(valueOf(output), (e: any) => {
        assert.ok(pulumi.ResourceError.isInstance(e));
        assert.equal(e.message.replace(/^(error serializing property "[^"]+": )+/, ""), message);
        return true;
    });
}

export const CHILD_TYPES = ["aws:ec2/securityGroup:SecurityGroup", "aws:ec2/vpcEndpoint:VpcEndpoint", "aws:cloudcontrol/resource:Resource"];
/** Nothing billable was registered for the component `name`: no security group, endpoint or connection. */
export async function nothingRegisteredFor(mocks: AwsMocks, name: string) {
    await mocks.settle();
    assert.deepEqual(
        mocks
            .custom()
            .filter((r) => CHILD_TYPES.includes(r.type) && r.name.startsWith(`${name}-`))
            .map((r) => r.name),
        [],
    );
}
