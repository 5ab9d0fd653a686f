// A program with a type error: Pulumi's Node.js host refuses to run it, and so does the plan.
import { PrivateEndpoint } from "../../../sdk/index";
import { TOPOLOGY as T } from "../../../plan/aws/topology";

const port: number = "443";
new PrivateEndpoint("api", { serviceArn: T.apiServiceArn, vpcId: T.vpcId, vpcEndpointId: T.existingEndpointId, tags: { port: String(port) } });
