package io.livedrop.follower.follow.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record FollowRequest(@NotBlank @Size(max = 100) String creatorId) {}
