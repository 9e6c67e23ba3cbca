// Bundles the API for Node (dependencies stay in node_modules); resolves the workspace libraries from source.
const path = require('node:path');
const nodeExternals = require('webpack-node-externals');

const root = path.resolve(__dirname, '../..');

module.exports = {
  mode: 'production',
  target: 'node',
  context: __dirname,
  entry: { main: './src/main.ts' },
  output: { path: path.join(root, 'dist/apps/api'), filename: '[name].js', clean: true },
  devtool: 'source-map',
  optimization: { minimize: false },
  externalsPresets: { node: true },
  externals: [nodeExternals({ modulesDir: path.join(root, 'node_modules') })],
  resolve: {
    extensions: ['.ts', '.js'],
    alias: {
      '@cofinanca/domain': path.join(root, 'libs/domain/src/index.ts'),
      '@cofinanca/contracts': path.join(root, 'libs/contracts/src/index.ts'),
      '@cofinanca/migrations': path.join(root, 'migrations/index.ts'),
    },
  },
  module: {
    rules: [
      {
        test: /\.ts$/,
        loader: 'ts-loader',
        exclude: /node_modules/,
        options: { configFile: path.join(__dirname, 'tsconfig.app.json'), transpileOnly: true },
      },
    ],
  },
  stats: 'errors-warnings',
};
