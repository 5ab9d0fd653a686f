import * as assert from "node:assert/strict";
import { iamPolicyDocument, requiredPermissions } from "../sdk";

describe("required permissions", () => {
    it("include every EC2 action the AWS guide lists for private endpoints", () => {
        const actions = requiredPermissions.map((p) => p.action);
        for (const a of ["ec2:CreateTags", "ec2:CreateVpcEndpoint", "ec2:ModifyVpcEndpoint", "ec2:DeleteVpcEndpoints", "ec2:DescribeSubnets", "ec2:DescribeVpcEndpoints", "ec2:DescribeVpcs"]) {
            assert.ok(actions.includes(a), a);
        }
    });
    it("include the App Runner connection's lifecycle, each action once, each with a reason", () => {
        const actions = requiredPermissions.map((p) => p.action);
        for (const verb of ["Create", "Describe", "Update", "Delete"]) assert.ok(actions.includes(`apprunner:${verb}VpcIngressConnection`), verb);
        assert.equal(new Set(actions).size, actions.length);
        for (const p of requiredPermissions) {
            assert.match(p.action, /^(ec2|apprunner):[A-Z][A-Za-z]+$/);
            assert.ok(p.reason.length > 5);
        }
    });
    it("become an IAM policy document with one statement per service", () => {
        const doc = iamPolicyDocument();
        assert.equal(doc.Version, "2012-10-17");
        assert.deepEqual(doc.Statement.map((s) => [s.Sid, s.Effect, s.Resource]), [
            ["AppRunnerPrivateEndpointEc2", "Allow", "*"],
            ["AppRunnerPrivateEndpointConnection", "Allow", "*"],
        ]);
        assert.deepEqual([...doc.Statement[0].Action, ...doc.Statement[1].Action].sort(), requiredPermissions.map((p) => p.action).sort());
        assert.deepEqual(JSON.parse(JSON.stringify(doc)), doc, "plain JSON");
    });
});
