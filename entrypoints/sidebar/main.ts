import './sidebar-app';
