#!/usr/bin/env bash
# Plays the AWS CLI for DeployCommandTest: logs each call, answers from $FAKE_AWS_DIR.
echo "$*" >>"$FAKE_AWS_DIR/calls.txt"
case "$1 $2" in
  "cloudformation deploy")
    echo "Waiting for changeset to be created.."
    echo "Changeset created successfully. Run the following command to review changes:"
    echo "aws cloudformation describe-change-set --change-set-name arn:aws:cloudformation:us-east-1:123456789012:changeSet/samcli-deploy1/abc"
    ;;
  "cloudformation describe-change-set") cat "$FAKE_AWS_DIR/change-set.json" ;;
  "cloudformation describe-stacks") echo "UPDATE_COMPLETE" ;;
  "cloudformation delete-change-set" | "cloudformation execute-change-set") ;;
  *) echo "fake aws: unexpected call: $*" >&2; exit 2 ;;
esac
