// A refusal that comes once values resolve or lookups answer, as the component tests assert it: the output rejects with
// exactly the message, and no child was registered.
import * as pulumi from "@pulumi/pulumi";
import * as assert from "node:assert/strict";
import { AwsMocks, valueOf } from "./mocks";

export const CHILD_TYPES = ["aws:ec2/securityGroup:SecurityGroup", "aws:ec2/vpcEndpoint:VpcEndpoint", "aws:cloudcontrol/resource:Resource"];

export async function refusedLater(mocks: AwsMocks, output: pulumi.Output<unknown>, message: string) {
    await assert.rejects(valueOf(output), (e: any) => {
        assert.ok(pulumi.ResourceError.isInstance(e));
        assert.equal(e.message.replace(/^(error serializing property "[^"]+": )+/, ""), message);
        return true;
    });
    await mocks.settle();
    assert.deepEqual(
        mocks
            .custom()
            .filter((r) => CHILD_TYPES.includes(r.type))
            .map((r) => r.name),
        [],
        "no child registered",
    );
}
