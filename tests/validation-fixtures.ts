// What the validators' tests share: a service ARN, the empty context, the regions, and a table of inputs and messages.
import * as assert from "node:assert/strict";

export const ARN = "arn:aws:apprunner:us-east-1:123456789012:service/api-service/8fe1e10304f84fd2b0df550fe98a71fa";
export const none = {
    subnetIds: false,
    vpcEndpointId: false,
    securityGroupIds: false,
    allowedCidrBlocks: false,
    allowedSecurityGroupIds: false,
    ipAddressType: false,
};
export const REGIONS =
    "us-east-1, us-east-2, us-west-2, ap-south-1, ap-southeast-1, ap-southeast-2, " +
    "ap-northeast-1, eu-central-1, eu-west-1, eu-west-2, eu-west-3";

/** Runs a table of [input, expected messages] through a validator. */
export function table<T>(validate: (v: T) => string[], rows: [T, string[]][]) {
    for (const [input, expected] of rows) {
        it(`${JSON.stringify(input)?.slice(0, 70)} -> ${expected.length ? "refused" : "accepted"}`, () => {
            assert.deepEqual(validate(input), expected);
        });
    }
}
