// `mode` picks where the secret `token` goes: a lookup AWS cannot answer (its argument), a subnet's block AWS refuses
// (outside its VPC's: the error quotes it), or a tag (which the provider copies into tagsAll).
const aws = require("@pulumi/aws");
const pulumi = require("@pulumi/pulumi");

const config = new pulumi.Config();
const token = config.requireSecret("token");
switch (config.require("mode")) {
    case "lookup":
        module.exports.subnet = aws.ec2.getSubnetOutput({ id: token }).id;
        break;
    case "refused":
        module.exports.refused = new aws.ec2.Subnet("refused", { vpcId: aws.ec2.getVpcOutput({ default: true }).id, cidrBlock: token }).id;
        break;
    case "tags":
        module.exports.vpcId = new aws.ec2.Vpc("tagged", { cidrBlock: "10.9.0.0/16", tags: { owner: token, team: "payments" } }).id;
        break;
}
