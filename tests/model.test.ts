// The model of AWS the mocks and the real engine's stand-in share: what the stand-in needs beyond the mocks' create
// and lookups (update, delete, a state kept between processes), held to AWS's rules.
import * as assert from "node:assert/strict";
import { AwsModel, CONNECTION, SECURITY_GROUP, SUBNET, TOPOLOGY as T, VPC, VPC_ENDPOINT } from "../plan/model";

const endpointInputs = (subnetIds = [T.subnetA, T.subnetB]) => ({
    vpcId: T.vpcId,
    serviceName: "com.amazonaws.us-east-1.apprunner.requests",
    vpcEndpointType: "Interface",
    subnetIds,
});

describe("AWS model", () => {
    it("keeps its whole state through toJSON and fromJSON, as the stand-in keeps it in a file between commands", () => {
        const model = new AwsModel();
        const sg = model.create(SECURITY_GROUP, "sg", { vpcId: T.vpcId }, "us-east-1");
        const endpoint = model.create(VPC_ENDPOINT, "e", { ...endpointInputs(), securityGroupIds: [sg.id] }, "us-east-1");
        const connection = model.create(CONNECTION, "c", { serviceArn: T.apiServiceArn, ingressVpcConfiguration: { vpcId: T.vpcId, vpcEndpointId: endpoint.id } }, "us-east-1");
        const copy = AwsModel.fromJSON(JSON.parse(JSON.stringify(model)));
        assert.deepEqual(copy.toJSON(), model.toJSON());
        assert.deepEqual(copy.read(connection.id), connection.state);
        // The copy still enforces what the original knew: the service has its one connection.
        assert.throws(
            () => copy.create(CONNECTION, "c2", { serviceArn: T.apiServiceArn, ingressVpcConfiguration: { vpcId: T.vpcId, vpcEndpointId: endpoint.id } }, "us-east-1"),
            /InvalidStateException: Service .* already has a VPC ingress connection/,
        );
    });

    it("gives a resource created again under the same name new ids, as AWS gives a replacement", () => {
        const model = new AwsModel();
        const first = model.create(VPC_ENDPOINT, "e", endpointInputs(), "us-east-1");
        const second = model.create(VPC_ENDPOINT, "e", endpointInputs([T.subnetC]), "us-east-1");
        assert.notEqual(first.id, second.id);
        assert.match(second.id, /^vpce-[0-9a-f]{17}$/);
    });

    it("updates an endpoint's subnets in place, holding them to one per Availability Zone", () => {
        const model = new AwsModel();
        const { id } = model.create(VPC_ENDPOINT, "e", endpointInputs(), "us-east-1");
        const updated = model.update(VPC_ENDPOINT, id, endpointInputs([T.subnetA, T.subnetC]));
        assert.deepEqual(updated.subnetIds, [T.subnetA, T.subnetC]);
        assert.equal(updated.networkInterfaceIds.length, 2);
        assert.throws(() => model.update(VPC_ENDPOINT, id, endpointInputs([T.subnetA, T.subnetA2])), /DuplicateSubnetsInSameZone/);
    });

    it("refuses to delete what an endpoint still uses, as EC2 does (DependencyViolation), and allows it once the endpoint is gone", () => {
        const model = new AwsModel();
        const vpc = model.create(VPC, "vpc", { cidrBlock: "10.9.0.0/16" }, "us-east-1");
        const subnet = model.create(SUBNET, "s", { vpcId: vpc.id, cidrBlock: "10.9.0.0/24", availabilityZone: "us-east-1a" }, "us-east-1");
        const sg = model.create(SECURITY_GROUP, "sg", { vpcId: vpc.id }, "us-east-1");
        const endpoint = model.create(
            VPC_ENDPOINT,
            "e",
            { vpcId: vpc.id, serviceName: "com.amazonaws.us-east-1.apprunner.requests", vpcEndpointType: "Interface", subnetIds: [subnet.id], securityGroupIds: [sg.id] },
            "us-east-1",
        );
        assert.throws(() => model.delete(SECURITY_GROUP, sg.id), new RegExp(`DependencyViolation: resource ${sg.id} has a dependent object`));
        assert.throws(() => model.delete(SUBNET, subnet.id), /DependencyViolation/);
        assert.throws(() => model.delete(VPC, vpc.id), /DependencyViolation: .* \(subnets\)/);
        model.delete(VPC_ENDPOINT, endpoint.id);
        model.delete(SECURITY_GROUP, sg.id);
        model.delete(SUBNET, subnet.id);
        model.delete(VPC, vpc.id);
        assert.deepEqual(model.toJSON().created, []);
    });

    it("updates a connection's tags only", () => {
        const model = new AwsModel();
        const { id } = model.create(CONNECTION, "c", { serviceArn: T.apiServiceArn, ingressVpcConfiguration: { vpcId: T.vpcId, vpcEndpointId: T.existingEndpointId } }, "us-east-1");
        const before = model.read(id)!;
        const after = model.update(CONNECTION, id, { ...before, name: "ignored", tags: { team: "a" } });
        assert.deepEqual(after, { ...before, tags: { team: "a" } });
    });
});
