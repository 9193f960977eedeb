#!/usr/bin/env bash
# Plays the AWS CLI for OpenStackHostCommandTest: logs each call, keeps the stack's status in $FAKE_AWS_DIR/status.
dir=$FAKE_AWS_DIR
echo "$*" >>"$dir/calls.txt"
case "$1 $2" in
  "cloudformation describe-stacks")
    if [[ "$*" == *Outputs* ]]; then
      cat "$dir/outputs.json"
    elif [[ -f "$dir/status" ]]; then
      cat "$dir/status"
    else
      echo "An error occurred (ValidationError) when calling the DescribeStacks operation: Stack with id $4 does not exist" >&2
      exit 254
    fi
    ;;
  "cloudformation deploy")
    if [[ -f "$dir/no-changes" ]]; then
      echo "No changes to deploy. Stack classroom-openstack is up to date"
    else
      [[ -f "$dir/status" ]] || echo REVIEW_IN_PROGRESS >"$dir/status"
      echo "Changeset created successfully. Run the following command to review changes:"
      echo "aws cloudformation describe-change-set --change-set-name arn:aws:cloudformation:us-east-1:123456789012:changeSet/samcli-deploy2/def"
    fi
    ;;
  "cloudformation describe-change-set") cat "$dir/change-set.json" ;;
  "cloudformation execute-change-set") echo CREATE_COMPLETE >"$dir/status" ;;
  "cloudformation delete-change-set") ;;
  *) echo "fake aws: unexpected call: $*" >&2; exit 2 ;;
esac
