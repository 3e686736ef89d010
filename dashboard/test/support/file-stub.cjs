module.exports = 'stub-url';
