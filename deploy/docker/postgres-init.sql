-- One database per service (each service owns its data; no service reads another's tables).
create database livedrop_auth;
create database livedrop_catalog;
create database livedrop_follower;
create database livedrop_inventory;
create database livedrop_order;
create database livedrop_payment;
create database livedrop_notification;
