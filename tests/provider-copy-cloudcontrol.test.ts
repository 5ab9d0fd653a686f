// The copy of the AWS provider (plan/provider): aws.cloudcontrol.Resource for AWS::AppRunner::VpcIngressConnection, its
// JSON patches and create-only properties.
import * as assert from "node:assert/strict";
import { TOPOLOGY as T } from "../plan/aws";
import { CLOUDCONTROL_RESOURCE as CC, PartialCreate } from "../plan/provider";
import { createPatch } from "../plan/provider/jsonpatch";
import { provider } from "./provider-copy-fixtures";

describe("the copy of the AWS provider (plan/provider)", () => {
    describe("aws.cloudcontrol.Resource (AWS::AppRunner::VpcIngressConnection)", () => {
        const TYPE = "AWS::AppRunner::VpcIngressConnection";
        const ccInputs = (desired: Record<string, unknown> = {}) => ({
            typeName: TYPE,
            desiredState: JSON.stringify({
                ServiceArn: T.adminServiceArn,
                IngressVpcConfiguration: { VpcId: T.vpcId, VpcEndpointId: T.existingEndpointId },
                ...desired,
            }),
        });

        it("the JSON patch is mattbaird/jsonpatch's: key by key, arrays of one length element by element, else remove then add", () => {
            assert.deepEqual(createPatch('{"A":1,"B":{"C":2},"E":[1,2]}', '{"A":1,"B":{"C":3},"D":"x","E":[1,3]}'), [
                { op: "replace", path: "/B/C", value: 3 },
                { op: "add", path: "/D", value: "x" },
                { op: "replace", path: "/E/1", value: 3 },
            ]);
            assert.deepEqual(createPatch('{"T":[{"K":"a"},{"K":"b"}],"R":1}', '{"T":[{"K":"b"}]}'), [
                { op: "remove", path: "/T/0" },
                { op: "remove", path: "/R" },
            ]);
            assert.deepEqual(createPatch('{"a/b":1,"c~":1}', '{"a/b":2,"c~":2}'), [
                { op: "replace", path: "/a~1b", value: 2 },
                { op: "replace", path: "/c~0", value: 2 },
            ]);
        });

        it("a move is an update; a new service or name, or another typeName, replaces (create-only paths matched exactly)", async () => {
            const { p } = provider();
            const olds = p.check(CC, "c", ccInputs()).inputs;
            const { state } = await p.create(CC, olds, "us-east-1");
            const diffWith = async (inputs: Record<string, unknown>) => {
                const news = p.check(CC, "c", inputs, olds).inputs;
                const d = await p.diff(CC, state, news, olds, "us-east-1");
                return [d.changes, d.replaces];
            };
            const other = { VpcId: T.vpcId, VpcEndpointId: "vpce-0123456789abcdef0" };
            assert.deepEqual(await diffWith(ccInputs({ IngressVpcConfiguration: other })), [["desiredState"], []]);
            assert.deepEqual(await diffWith(ccInputs({ ServiceArn: T.apiServiceArn })), [["desiredState"], ["desiredState"]]);
            assert.deepEqual(await diffWith(ccInputs({ VpcIngressConnectionName: "named" })), [["desiredState"], ["desiredState"]]);
            assert.deepEqual(await diffWith({ ...ccInputs(), typeName: "AWS::AppRunner::Service" }), [["typeName"], ["typeName"]]);
            // The same model in another key order is a change (the provider compares the text: no DiffSuppressFunc on
            // desired_state, resource.go), made in place with an empty patch: the component writes its keys in a fixed order.
            const reordered = {
                typeName: TYPE,
                desiredState: JSON.stringify({
                    IngressVpcConfiguration: { VpcEndpointId: T.existingEndpointId, VpcId: T.vpcId },
                    ServiceArn: T.adminServiceArn,
                }),
            };
            assert.deepEqual(await diffWith(reordered), [["desiredState"], []]);
        });

        it("creates with the ARN as its id and AWS's model as `properties`; cannot import by id; reads a deleted one as gone", async () => {
            const { p, calls } = provider(1);
            const { id, state } = await p.create(CC, p.check(CC, "c", ccInputs()).inputs, "us-east-1");
            assert.match(
                id,
                /^arn:aws:apprunner:us-east-1:123456789012:vpcingressconnection\/VpcIngressConnection-[A-Za-z0-9]{12}\/[0-9a-f]{32}$/,
            );
            const model = JSON.parse(state.properties);
            assert.deepEqual([model.VpcIngressConnectionArn, model.Status], [id, "AVAILABLE"]);
            assert.deepEqual(
                [...new Set(calls)],
                ["DescribeType", "CreateResource", "GetResourceRequestStatus", "GetResource"].filter((c) => calls.includes(c)),
            );
            assert.equal(await p.read(CC, id, "us-east-1"), undefined, "no importer: an import reads nothing");
            await p.delete(CC, id, state, "us-east-1");
            assert.equal(await p.read(CC, id, "us-east-1", state, state), undefined);
        });

        it(
            "a move AWS fails keeps the planned desired state and no `properties` " +
                "(terraform-plugin-sdk#476), with Cloud Control's text",
            async () => {
                const { p, aws } = provider(1);
                const olds = p.check(CC, "c", ccInputs()).inputs;
                const { id, state } = await p.create(CC, olds, "us-east-1");
                const other = aws.call(
                    "ec2",
                    "CreateVpcEndpoint",
                    {
                        VpcEndpointType: "Interface",
                        VpcId: T.vpcId,
                        ServiceName: "com.amazonaws.us-east-1.apprunner.requests",
                        SubnetIds: [T.subnetA],
                    },
                    "us-east-1",
                ).VpcEndpoint.VpcEndpointId;
                const news = p.check(CC, "c", ccInputs({ IngressVpcConfiguration: { VpcId: T.vpcId, VpcEndpointId: other } }), olds).inputs;
                const original = aws.call.bind(aws);
                aws.call = (service, action, params, region) => {
                    const answer = original(service, action, params, region);
                    if (action === "UpdateResource") aws.failPendingChange(id);
                    return answer;
                };
                await assert.rejects(p.update(CC, id, state, news, "us-east-1"), (e: unknown) => {
                    assert.ok(e instanceof PartialCreate);
                    assert.equal(
                        e.message,
                        `waiting for Cloud Control API (${TYPE}) Resource (${id}) update: unexpected state ` +
                            `'FAILED', wanted target 'SUCCESS'. last error: ` +
                            `NotStabilized: Resource of type '${TYPE}' with identifier '${id}' did not stabilize: its ` +
                            `status is FAILED_UPDATE.`,
                    );
                    assert.equal(e.state.desiredState, news.desiredState);
                    assert.equal(e.state.properties, "");
                    return true;
                });
            },
        );
    });
});
