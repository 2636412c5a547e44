package io.livedrop.follower.follow.web;

record FollowerCountResponse(String creatorId, long followerCount) {}
